//! The end-to-end suites themselves: every test in them asserts something, so that none can
//! pass by only running.

use std::fs;

#[test]
fn every_end_to_end_test_asserts() {
    let mut tests = 0;
    for dir in ["tests/e2e", "tests/engines"] {
        for entry in fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/").to_owned() + dir).unwrap() {
            let path = entry.unwrap().path();
            if !path.to_string_lossy().ends_with(".test.mjs") {
                continue;
            }
            let js = fs::read_to_string(&path).unwrap();
            // Each test's text runs from the line that starts with its `test(` to the next one's.
            let mut bodies: Vec<String> = Vec::new();
            for line in js.lines() {
                match bodies.last_mut() {
                    _ if line.trim_start().starts_with("test(") => bodies.push(line.to_owned()),
                    Some(body) => body.push_str(line),
                    None => {}
                }
            }
            for body in &bodies {
                tests += 1;
                assert!(body.contains("assert"), "{}: {} asserts nothing", path.display(), &body[..body.len().min(100)]);
            }
        }
    }
    assert!(tests > 100, "found {tests} tests");
}
