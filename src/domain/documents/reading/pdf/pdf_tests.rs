//! PDFs written here by hand (both the classic cross-reference table and the PDF 1.5
//! streams Word writes), and those LibreOffice made from the test notices.

use super::*;
use miniz_oxide::deflate::compress_to_vec_zlib;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// A stream object: `dict`'s entries and `data`, deflated when `deflate`.
pub(super) fn stream(dict: &str, data: &[u8], deflate: bool) -> Vec<u8> {
    let (data, filter) = match deflate {
        true => (compress_to_vec_zlib(data, 6), "/Filter /FlateDecode"),
        false => (data.to_vec(), ""),
    };
    let mut out = format!("<<{dict} {filter} /Length {}>>\nstream\n", data.len()).into_bytes();
    out.extend_from_slice(&data);
    out.extend_from_slice(b"\nendstream");
    out
}

/// A PDF of `objects` (numbered from 1, the catalog first) with a cross-reference table.
pub(super) fn pdf(objects: &[Vec<u8>], trailer: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).bytes());
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").bytes());
    }
    let size = objects.len() + 1;
    out.extend(
        format!("trailer\n<</Size {size} /Root 1 0 R {trailer}>>\nstartxref\n{xref}\n%%EOF\n")
            .bytes(),
    );
    out
}

/// The same objects as PDF 1.5 writes them: those numbered in `packed` in an object stream,
/// the table as a cross-reference stream with the PNG "up" predictor.
pub(super) fn pdf15(objects: &[Vec<u8>], packed: &[usize]) -> Vec<u8> {
    let n = objects.len();
    let (objstm, xrefstm) = (n + 1, n + 2);
    let mut out = b"%PDF-1.5\n".to_vec();
    let mut rows: Vec<(u8, u32, u16)> = vec![(0, 0, 0); n + 3];
    let (mut header, mut body) = (String::new(), Vec::new());
    let write = |out: &mut Vec<u8>, number: usize, o: &[u8]| {
        out.extend(format!("{number} 0 obj\n").bytes());
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
    };
    for (i, o) in objects.iter().enumerate() {
        let number = i + 1;
        if let Some(k) = packed.iter().position(|p| *p == number) {
            header.push_str(&format!("{number} {} ", body.len()));
            body.extend_from_slice(o);
            body.push(b'\n');
            rows[number] = (2, objstm as u32, k as u16);
        } else {
            rows[number] = (1, out.len() as u32, 0);
            write(&mut out, number, o);
        }
    }
    let mut data = header.clone().into_bytes();
    data.extend_from_slice(&body);
    rows[objstm] = (1, out.len() as u32, 0);
    let dict = format!("/Type /ObjStm /N {} /First {}", packed.len(), header.len());
    write(&mut out, objstm, &stream(&dict, &data, true));
    rows[xrefstm] = (1, out.len() as u32, 0);
    let mut table = Vec::new();
    let mut prev = [0u8; 7];
    for (kind, a, b) in rows {
        let mut row = [0u8; 7];
        row[0] = kind;
        row[1..5].copy_from_slice(&a.to_be_bytes());
        row[5..].copy_from_slice(&b.to_be_bytes());
        table.push(2);
        table.extend(row.iter().zip(prev).map(|(r, p)| r.wrapping_sub(p)));
        prev = row;
    }
    let dict = format!(
        "/Type /XRef /Size {} /W [1 4 2] /Root 1 0 R /DecodeParms <</Predictor 12 /Columns 7>>",
        n + 3
    );
    let at = out.len();
    write(&mut out, xrefstm, &stream(&dict, &table, true));
    out.extend(format!("startxref\n{at}\n%%EOF\n").bytes());
    out
}

/// The two-byte codes of the test font for `text`: ASCII as itself, and a few glyphs as
/// a subset font numbers them.
fn codes(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'ﬁ' => "0100".to_owned(),
            'ế' => "0101".to_owned(),
            'đ' => "0102".to_owned(),
            'ậ' => "0103".to_owned(),
            '\u{301}' => "0104".to_owned(),
            c if c.is_ascii() => format!("{:04X}", c as u32),
            c => format!(
                "{:04X}",
                0x200 + LETTERS.chars().position(|l| l == c).unwrap()
            ),
        })
        .collect()
}

/// The other letters of the tests, numbered from 0x200.
const LETTERS: &str = "ịỳỉỈỘÒởâựàíÀẢÁạốĐệê";

fn cmap() -> String {
    let letters: String = LETTERS
        .chars()
        .enumerate()
        .map(|(i, c)| format!("<{:04X}> <{:04X}>\n", 0x200 + i, c as u32))
        .collect();
    format!(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0100> <FB01> <0101> <1EBF> endbfchar
{} beginbfchar {letters} endbfchar
2 beginbfrange <0020> <007E> <0020> <0102> <0104> [<0111> <1EAD> <0301>] endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end",
        LETTERS.chars().count()
    )
}

/// A document of one page per content stream, in the test font (12 pt, every glyph half
/// an em wide).
fn document(pages: &[String]) -> Vec<Vec<u8>> {
    let count = pages.len();
    let kids: Vec<String> = (0..count).map(|i| format!("{} 0 R", 6 + 2 * i)).collect();
    let mut objects = vec![
        b"<</Type /Catalog /Pages 2 0 R>>".to_vec(),
        format!("<</Type /Pages /Kids [{}] /Count {count} /Resources <</Font <</F1 3 0 R>>>>>>", kids.join(" ")).into_bytes(),
        b"<</Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Test /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R>>".to_vec(),
        b"<</Type /Font /Subtype /CIDFontType2 /DW 500 /W [32 [250]]>>".to_vec(),
        stream("", cmap().as_bytes(), true),
    ];
    for (i, content) in pages.iter().enumerate() {
        objects.push(
            format!("<</Type /Page /Parent 2 0 R /Contents {} 0 R>>", 7 + 2 * i).into_bytes(),
        );
        objects.push(stream("", content.as_bytes(), true));
    }
    objects
}

fn page_one() -> String {
    format!(
        "BT /F1 12 Tf 72 700 Td <{}> Tj <{}> Tj 0 -20 Td [<{}> -400 <{}> -30 <{}>] TJ ET
         BT /F1 12 Tf 1 0 0 1 72 640 Tm <{}> Tj 1 0 0 1 300 641 Tm <{}> Tj ET
         q 0 1 -1 0 500 100 cm BT /F1 30 Tf <{}> Tj ET Q",
        codes("Kết lu"),
        codes("ận định kỳ"),
        codes("Ban"),
        codes("Ch"),
        codes("ỉ đạo ﬁle ve\u{301}"),
        codes("UBND TỈNH"),
        codes("CỘNG HÒA"),
        codes("BẢN NHÁP"),
    )
}

#[test]
fn a_hand_made_pdf_reads_with_its_words_joined_and_spaced_by_position() {
    let file = pdf(&document(&[page_one()]), "");
    let text = pdf_text(&file).unwrap();
    let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], "Kết luận định kỳ", "{text}");
    // A gap of 0.4 em is a space, one of 0.03 em is kerning; the ligature as its letters, e
    // and a combining acute composed.
    assert_eq!(lines[1], "Ban Chỉ đạo file vé", "{text}");
    // Two cells on one baseline (1 pt apart) as Word copies a table's row.
    assert_eq!(lines[2], "UBND TỈNH\tCỘNG HÒA", "{text}");
    // The rotated stamp is not text of the notice.
    assert!(!text.contains("BẢN NHÁP"), "{text}");
    assert_eq!(lines.len(), 3, "{text}");
}

#[test]
fn cross_reference_and_object_streams_of_pdf_1_5_read_as_a_table_does() {
    let objects = document(&[page_one()]);
    let classic = pdf_text(&pdf(&objects, "")).unwrap();
    assert_eq!(pdf_text(&pdf15(&objects, &[1, 2, 3, 4, 6])), Ok(classic));
}

#[test]
fn page_numbers_and_running_headers_are_left_out() {
    let page = |n: usize, body: &str| {
        format!(
            "BT /F1 10 Tf 250 800 Td <{}> Tj ET BT /F1 12 Tf 72 700 Td <{}> Tj ET BT /F1 10 Tf 290 40 Td <{}> Tj ET",
            codes(&format!("Kết luận số 34-KL/BCĐ - Trang {n}")),
            codes(body),
            codes(&format!("- {n} -")),
        )
    };
    let pages = [
        page(1, "1. Sở Xây dựng"),
        page(2, "2. Sở Tài chính"),
        page(3, "3. Ban QLDA"),
    ];
    let text = pdf_text(&pdf(&document(&pages), "")).unwrap();
    assert_eq!(text, "1. Sở Xây dựng\n2. Sở Tài chính\n3. Ban QLDA\n");
}

#[test]
fn a_scan_has_no_text() {
    let mut objects = document(&["q 595 0 0 842 0 0 cm /Im1 Do Q".to_owned()]);
    objects[5] =
        b"<</Type /Page /Parent 2 0 R /Contents 7 0 R /Resources <</XObject <</Im1 8 0 R>>>>>>"
            .to_vec();
    objects.push(stream("/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8", &[0, 255, 255, 0], false));
    assert_eq!(pdf_text(&pdf(&objects, "")), Err(PdfProblem::NoText));
}

#[test]
fn encrypted_huge_and_damaged_files_are_refused() {
    let objects = document(&[page_one()]);
    assert_eq!(
        pdf_text(&pdf(&objects, "/Encrypt 5 0 R")),
        Err(PdfProblem::Encrypted)
    );
    // More pages than a notice has, counted or not.
    let many: Vec<String> = (0..MAX_PAGES + 1).map(|_| "BT ET".to_owned()).collect();
    let mut objects = document(&many);
    assert_eq!(pdf_text(&pdf(&objects, "")), Err(PdfProblem::TooLarge));
    objects[1] = String::from_utf8(objects[1].clone())
        .unwrap()
        .replace("/Count 201", "/Count 1")
        .into_bytes();
    assert_eq!(pdf_text(&pdf(&objects, "")), Err(PdfProblem::TooLarge));
    // A stream that inflates past the limit: 40 MB of spaces in 40 KB.
    let mut objects = document(&[String::new()]);
    objects[6] = stream("", &vec![b' '; 40 << 20], true);
    assert!(objects[6].len() < 100_000);
    assert_eq!(pdf_text(&pdf(&objects, "")), Err(PdfProblem::TooLarge));
    // Cut short, or not a PDF.
    let file = fixture("notices/245-TB-VPUBND.pdf");
    for cut in [10, file.len() / 3, file.len() / 2, file.len() - 40] {
        assert_eq!(
            pdf_text(&file[..cut]),
            Err(PdfProblem::Damaged),
            "cut at {cut}"
        );
    }
    assert_eq!(pdf_text(b"hello"), Err(PdfProblem::Damaged));
    assert_eq!(pdf_text(&[]), Err(PdfProblem::Damaged));
}

#[test]
fn a_table_a_few_bytes_off_is_found_but_a_missing_object_is_damage() {
    let objects = document(&[page_one()]);
    let good = pdf(&objects, "");
    let text = pdf_text(&good).unwrap();
    // Bytes added at the start: every offset of the table, and the table's own, are off.
    let mut shifted = good.clone();
    shifted.splice(9..9, b"% a comment a tool added\n".iter().copied());
    assert_eq!(pdf_text(&shifted).as_ref(), Ok(&text));
    // The page's content gone: not a page without text, a damaged file.
    let s = String::from_utf8_lossy(&good).replace("7 0 obj", "7 0 xyz");
    assert_eq!(pdf_text(s.as_bytes()), Err(PdfProblem::Damaged));
}

#[test]
fn marked_text_and_forms() {
    // Glyphs marked with the text they stand for (a letter drawn as a base and a mark), and
    // text drawn by a form.
    let mut objects = document(&[format!(
        "BT /F1 12 Tf 72 700 Td /Span <</ActualText (Ho) >> BDC <{}> Tj EMC <{}> Tj ET /Fm1 Do",
        codes("Xy"),
        codes("a Binh"),
    )]);
    objects[5] = b"<</Type /Page /Parent 2 0 R /Contents 7 0 R /Resources <</Font <</F1 3 0 R>> /XObject <</Fm1 8 0 R>>>>>>".to_vec();
    let form = format!("BT /F1 12 Tf 0 0 Td <{}> Tj ET", codes("Điện Biên"));
    objects.push(stream(
        "/Type /XObject /Subtype /Form /Matrix [1 0 0 1 72 600] /Resources <</Font <</F1 3 0 R>>>>",
        form.as_bytes(),
        true,
    ));
    let text = pdf_text(&pdf(&objects, "")).unwrap();
    assert_eq!(text, "Hoa Binh\n\nĐiện Biên\n");
}

#[test]
fn a_notice_saved_as_pdf_by_libreoffice_reads_as_its_word_file_does() {
    use crate::domain::documents::reading::{docx::docx_text, notice::read_notice};
    let (data, _) = crate::domain::sample::fixture::sample();
    for name in ["245-TB-VPUBND", "01-kl-34-bcd-9-thang"] {
        let from_pdf = pdf_text(&fixture(&format!("notices/{name}.pdf"))).unwrap();
        let from_word = docx_text(&fixture(&format!("notices/{name}.docx"))).unwrap();
        let (a, b) = (
            read_notice(&from_pdf, &data),
            read_notice(&from_word, &data),
        );
        assert!(a.is_ok(), "{name}");
        assert_eq!(a, b, "{name}");
    }
}

#[test]
fn a_header_laid_out_as_a_table_comes_out_as_word_copies_it() {
    let text = pdf_text(&fixture("notices/02-tb-118-vpubnd-him-lam.pdf")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "UBND TỈNH ĐIỆN BIÊN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    );
    assert_eq!(lines[1], "VĂN PHÒNG\tĐộc lập - Tự do - Hạnh phúc");
    assert_eq!(
        lines[2],
        "Số: 118/TB-VPUBND\tĐiện Biên, ngày 12 tháng 3 năm 2027"
    );
    assert!(lines.contains(&"Nơi nhận:\tKT. CHÁNH VĂN PHÒNG"), "{text}");
    // The running header and the page numbers are gone; the body is the notice's, word for
    // word.
    assert!(
        !text.contains("Trang") && !text.contains("Thông báo số"),
        "{text}"
    );
    let source = include_str!("../../../../../tests/fixtures/notices/02-tb-118-vpubnd-him-lam.txt");
    let body = |t: &str| -> Vec<String> {
        let from = t.find("THÔNG BÁO").unwrap();
        let to = t.find("Nơi nhận").unwrap();
        t[from..to].split_whitespace().map(str::to_owned).collect()
    };
    assert_eq!(body(&text), body(source));
}

proptest::proptest! {
    #[test]
    fn any_bytes_read_without_a_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400)) {
        let mut file = b"%PDF-1.4\n".to_vec();
        file.extend_from_slice(&bytes);
        let _ = pdf_text(&file);
    }
}

/// How long a 30-page notice takes to read (not a timed test: run it by hand, optimised,
/// after `tests/fixtures/pdf/make.py` and LibreOffice made the file):
/// `cargo test --release --lib reading_time -- --ignored --nocapture`.
#[test]
#[ignore]
fn reading_time_of_a_30_page_pdf() {
    let file = fixture("pdf/long-30-pages.pdf");
    let start = std::time::Instant::now();
    let runs = 20;
    let mut chars = 0;
    for _ in 0..runs {
        chars = pdf_text(&file).unwrap().chars().count();
    }
    let each = start.elapsed() / runs;
    println!(
        "{} bytes, {chars} characters of text: {each:?} a reading",
        file.len()
    );
}
