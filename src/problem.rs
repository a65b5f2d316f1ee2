//! Finding where a failed run went wrong, from what it wrote to stderr.
//!
//! Parse errors and uncaught exceptions are printed in CPython's format, whose last
//! `File "<name>", line N` is the line to mark and whose last unindented line is the
//! message (`ValueError: boom`). Pure text processing, tested natively.
//! Whether the run failed at all (an uncaught exception or a program that could not start,
//! never a SystemExit) is the trace's to say: `Timeline::end`.

/// A failed run's location and message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located {
    /// 1-based line in the program, when the report names one.
    pub line: Option<u32>,
    pub message: String,
}

/// Reads a CPython-style report (traceback or syntax error) for `filename`.
pub fn locate(stderr: &str, filename: &str) -> Option<Located> {
    let stderr = &outer_group_lines(stderr);
    let marker = format!("File \"{filename}\", line ");
    let line = stderr
        .lines()
        .rev()
        .filter_map(|text| text.trim_start().strip_prefix(marker.as_str()))
        .find_map(|rest| {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        });
    let message = stderr
        .lines()
        .rev()
        .find(|text| {
            !text.trim().is_empty()
                && !text.starts_with(' ')
                && !text.starts_with('\t')
                && !text.starts_with("Traceback")
        })?
        .trim()
        .to_string();
    Some(Located { line, message })
}

/// An uncaught exception group's report (`  + Exception Group Traceback ...`) as a plain
/// traceback: the outer group's lines, drawn behind a `  | ` margin, without the margin;
/// its boxes and the sub-exceptions nested inside them left out. Any other report as it is.
fn outer_group_lines(stderr: &str) -> String {
    if !stderr.contains("  + Exception Group Traceback") {
        return stderr.to_string();
    }
    stderr
        .lines()
        .filter_map(|text| match text.strip_prefix("  | ") {
            Some(inner) => Some(inner),
            None if text.starts_with("  +") || text.starts_with("    ") => None,
            None => Some(text),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_traceback_points_at_its_innermost_program_line() {
        let report = "Traceback (most recent call last):\n  File \"main.py\", line 6, in <module>\n    asyncio.run(main())\n  File \"main.py\", line 3, in f\n    raise ValueError(\"boom\")\nValueError: boom\n";
        assert_eq!(
            locate(report, "main.py"),
            Some(Located {
                line: Some(3),
                message: "ValueError: boom".into()
            })
        );
    }

    #[test]
    fn a_syntax_error_points_at_its_line() {
        let report = "  File \"gather.py\", line 3\n    x = 1 +\n           ^\nSyntaxError: invalid syntax\n";
        assert_eq!(
            locate(report, "gather.py"),
            Some(Located {
                line: Some(3),
                message: "SyntaxError: invalid syntax".into()
            })
        );
    }

    #[test]
    fn an_exception_group_points_at_the_outer_group() {
        let report = "  + Exception Group Traceback (most recent call last):\n  |   File \"main.py\", line 9, in <module>\n  |     asyncio.run(main())\n  |   File \"main.py\", line 7, in main\n  |     raise ExceptionGroup(\"final\", [ValueError(\"v\"), KeyError(\"k\")])\n  | ExceptionGroup: final (2 sub-exceptions)\n  +-+---------------- 1 ----------------\n    | Traceback (most recent call last):\n    |   File \"main.py\", line 3, in f\n    | ValueError: v\n    +---------------- 2 ----------------\n    | KeyError: 'k'\n    +------------------------------------\n";
        assert_eq!(
            locate(report, "main.py"),
            Some(Located {
                line: Some(7),
                message: "ExceptionGroup: final (2 sub-exceptions)".into()
            })
        );
    }

    #[test]
    fn a_report_without_a_line_still_has_its_message() {
        assert_eq!(
            locate("loopscope: deadlock\n", "main.py"),
            Some(Located {
                line: None,
                message: "loopscope: deadlock".into()
            })
        );
        assert_eq!(locate("", "main.py"), None);
    }
}
