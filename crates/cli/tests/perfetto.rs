//! `loopscope run --perfetto FILE`: the file is the view-model's Trace Event export of the
//! run (validated against the format by loopscope-viewmodel's tests), on either axis;
//! bad options are refused with a message.

use std::path::PathBuf;
use std::process::Command;

use loopscope_runtime::{run_program, RunOptions};
use loopscope_viewmodel::export::{perfetto, Axis};
use loopscope_viewmodel::Timeline;

fn example() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../assets/examples/07_gather.py")
}

fn scratch(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("loopscope-perfetto-{}-{name}", std::process::id()))
}

#[test]
fn the_file_is_the_view_model_s_export_on_either_axis() {
    let source = std::fs::read_to_string(example()).unwrap();
    for (flag, axis) in [(None, Axis::VirtualTime), (Some("events"), Axis::Events)] {
        let out = scratch(flag.unwrap_or("time"));
        let mut command = Command::new(env!("CARGO_BIN_EXE_loopscope"));
        command
            .current_dir(example().parent().unwrap())
            .arg("run")
            .arg("--perfetto")
            .arg(&out);
        if let Some(flag) = flag {
            command.args(["--perfetto-axis", flag]);
        }
        let status = command
            .arg("07_gather.py")
            .output()
            .expect("loopscope runs");
        assert!(
            status.status.success(),
            "{}",
            String::from_utf8_lossy(&status.stderr)
        );
        let written = std::fs::read_to_string(&out).expect("the file is written");
        std::fs::remove_file(&out).unwrap();
        let options = RunOptions {
            filename: "07_gather.py".to_string(),
            ..RunOptions::default()
        };
        let timeline = Timeline::new(
            run_program(&source, &options).trace.expand().unwrap(),
            &source,
        );
        assert_eq!(written, perfetto(&timeline, axis, false));
        let value: serde_json::Value = serde_json::from_str(&written).expect("JSON");
        assert!(value["traceEvents"]
            .as_array()
            .is_some_and(|events| events.len() > 20));
    }
}

#[test]
fn a_bad_axis_is_refused() {
    let output = Command::new(env!("CARGO_BIN_EXE_loopscope"))
        .args([
            "run",
            "--perfetto",
            "x.json",
            "--perfetto-axis",
            "sideways",
            "p.py",
        ])
        .output()
        .expect("loopscope runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("--perfetto-axis is 'time' or 'events', got 'sideways'"),
        "{stderr}"
    );
}
