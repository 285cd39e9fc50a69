use super::*;

#[test]
fn placeholder() {
    assert_eq!(compose("a"), "a");
}
