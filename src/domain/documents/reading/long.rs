//! A long notice made from a register, to measure reading at its largest: about ten A4
//! pages, every item naming a lead and coordinating units, a project and a deadline, with
//! sub-items, continuation paragraphs and page-break damage.

use crate::domain::model::dataset::Dataset;

/// A notice of about `pages` A4 pages (some 3,000 characters each) naming `register`'s
/// units and projects.
pub fn long_notice(register: &Dataset, pages: usize) -> String {
    let units: Vec<&str> = register.units.iter().map(|u| u.name.as_str()).collect();
    let projects: Vec<&str> = register.projects.iter().map(|p| p.name.as_str()).collect();
    let unit = |i: usize| {
        units
            .get(i % units.len().max(1))
            .copied()
            .unwrap_or("Sở Xây dựng")
    };
    let project = |i: usize| {
        projects
            .get(i % projects.len().max(1))
            .copied()
            .unwrap_or("dự án")
    };
    let mut text = String::from(
        "UBND TỈNH ĐIỆN BIÊN\nVĂN PHÒNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 999/TB-VPUBND\nĐiện Biên, ngày 20 tháng 11 năm 2026\n\nTHÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh tại hội nghị đánh giá tiến độ các dự án trọng điểm\n\nNgày 18 tháng 11 năm 2026, Chủ tịch UBND tỉnh chủ trì hội nghị.\n\n",
    );
    let mut item = 0;
    while text.len() < pages * 3000 {
        item += 1;
        let i = item * 7;
        text.push_str(&format!(
            "{item}. Giao {} chủ trì, phối hợp với {} và {} đẩy nhanh tiến độ dự án {}, hoàn thành giải phóng mặt\n\nbằng trước ngày {}/12/2026.\n",
            unit(i),
            unit(i + 1),
            unit(i + 2),
            project(item),
            1 + item % 28,
        ));
        text.push_str(&format!(
            "- **{}** báo cáo kết quả về Văn phòng UBND tỉnh trong tháng {}.\n+ Thường xuyên kiểm tra, đôn đốc nhà thầu; giao đồng chí Phó Giám đốc chịu trách nhiệm.\n",
            unit(i + 3),
            1 + item % 12,
        ));
        text.push_str(
            "Trường hợp vượt thẩm quyền, kịp thời báo cáo UBND tỉnh xem xét, giải quyết.\n",
        );
    }
    text.push_str("\nVăn phòng UBND tỉnh thông báo để các cơ quan, đơn vị liên quan biết, thực hiện.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\nTrần Thị D\n");
    text
}

#[cfg(test)]
mod tests {
    use super::super::notice::read_notice;
    use super::*;
    use crate::domain::sample::fixture::sample;

    #[test]
    fn a_ten_page_notice_reads_every_item() {
        let (data, _) = sample();
        let text = long_notice(&data, 10);
        assert!(text.len() >= 30_000);
        let n = read_notice(&text, &data).unwrap();
        let top = n
            .directives
            .iter()
            .filter(|d| !d.path.contains('.'))
            .count();
        assert_eq!(n.directives.len(), top * 3);
        assert!(n
            .directives
            .iter()
            .filter(|d| !d.path.contains('.'))
            .all(|d| d.lead_unit.is_some() && d.due.is_some() && !d.projects.is_empty()));
        assert_eq!(n.signer, "Trần Thị D");
    }
}
