use super::*;

#[test]
fn show_fixtures() {
    for name in ["01-kl-34-bcd-9-thang", "245-TB-VPUBND"] {
        let path = format!("{}/tests/fixtures/notices/{name}.pdf", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(path).unwrap();
        println!("{:?}", pdf_text(&bytes).map(|t| t.replace('\t', "<TAB>")));
    }
}
