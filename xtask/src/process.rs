//! Running the tools: echo the command line, inherit the terminal, turn a bad exit into a
//! [`Failure`] that names the command.

use std::io::{BufRead, BufReader, ErrorKind};
use std::path::Path;
use std::process::{Command, Stdio};

use crate::failure::Failure;

/// Runs `command` to completion with its output on our terminal and no standard input.
pub fn run(command: &mut Command) -> Result<(), Failure> {
    let line = command_line(command);
    println!("    $ {line}");
    let status = command
        .stdin(Stdio::null())
        .status()
        .map_err(|error| spawn_failure(&line, command, error.kind()))?;
    if status.success() {
        Ok(())
    } else {
        Err(Failure::new(format!("`{line}` failed ({status})")))
    }
}

/// Runs `command` like [`run`], echoing its standard output line by line as it comes, and
/// returns that output (its standard error goes to our terminal only).
pub fn run_capturing(command: &mut Command) -> Result<String, Failure> {
    let line = command_line(command);
    println!("    $ {line}");
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|error| spawn_failure(&line, command, error.kind()))?;
    let mut captured = String::new();
    if let Some(stdout) = child.stdout.take() {
        let mut reader = BufReader::new(stdout);
        let mut bytes = Vec::new();
        // A read error ends the echo; the exit status below still decides.
        while reader
            .read_until(b'\n', &mut bytes)
            .is_ok_and(|read| read > 0)
        {
            let text = String::from_utf8_lossy(&bytes);
            print!("{text}");
            captured.push_str(&text);
            bytes.clear();
        }
    }
    let status = child
        .wait()
        .map_err(|error| Failure::new(format!("`{line}` could not be waited for: {error}")))?;
    if status.success() {
        Ok(captured)
    } else {
        Err(Failure::new(format!("`{line}` failed ({status})")))
    }
}

/// Runs `command` quietly and returns its standard output, or `None` if it could not be run
/// or exited unsuccessfully. For probes such as `trunk --version`.
pub fn probe(command: &mut Command) -> Option<String> {
    let output = command
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
}

/// The command as one would type it: program name (not its full path) and arguments.
pub fn command_line(command: &Command) -> String {
    let program = Path::new(command.get_program());
    std::iter::once(program.file_name().unwrap_or(program.as_os_str()))
        .chain(command.get_args())
        .map(|part| part.to_string_lossy())
        .collect::<Vec<_>>()
        .join(" ")
}

fn spawn_failure(line: &str, command: &Command, kind: ErrorKind) -> Failure {
    let program = command.get_program().to_string_lossy();
    if kind == ErrorKind::NotFound {
        Failure::new(format!(
            "`{line}`: `{program}` is not installed or not on PATH"
        ))
    } else {
        Failure::new(format!("`{line}` could not be started: {kind}"))
    }
}
