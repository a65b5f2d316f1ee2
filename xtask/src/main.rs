//! `cargo xtask`: the project's developer commands, in plain Rust.
//!
//! Every command first installs what it needs (skipping what is already there at the pinned
//! version), so a fresh clone on a fresh machine works with one command. To add a command,
//! write a module that exports a [`Command`] and list it in [`COMMANDS`].

mod apt;
mod bench;
mod bench_page;
mod crate_cache;
mod failure;
mod fresh;
mod fuzz;
mod lint;
mod process;
mod report;
mod serve;
mod test;
mod toolchain;
mod workspace;

use std::process::ExitCode;

use failure::Failure;
use workspace::Workspace;

/// One `cargo xtask` subcommand.
pub struct Command {
    /// What to type after `cargo xtask`.
    pub name: &'static str,
    /// One line for the usage text.
    pub about: &'static str,
    /// The options it accepts, such as `--fresh`.
    pub options: &'static [Flag],
    /// Does the work, given the options it was passed; a `Failure` says what went wrong and
    /// what to do about it.
    pub run: fn(&Workspace, &[&str]) -> Result<(), Failure>,
}

/// An option of one command: its name, the name of the value it takes if any (`N`), and
/// one line for the usage text. A value follows its option (`--minutes 30`) and is passed on
/// after it.
pub struct Flag {
    pub name: &'static str,
    pub value: Option<&'static str>,
    pub about: &'static str,
}

/// Every subcommand, in the order the usage text lists them.
const COMMANDS: &[Command] = &[
    serve::COMMAND,
    test::COMMAND,
    lint::COMMAND,
    bench::COMMAND,
    bench_page::COMMAND,
    fuzz::COMMAND,
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, options) = match parse(&args) {
        Ok(parsed) => parsed,
        Err(problem) => {
            if let Some(problem) = problem {
                eprintln!("error: {problem}\n");
            }
            eprintln!("{}", usage());
            return ExitCode::from(2);
        }
    };
    match (command.run)(&Workspace::of_this_checkout(), &options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("\nerror: cargo xtask {}: {failure}", command.name);
            ExitCode::FAILURE
        }
    }
}

/// The command and its options, or what is wrong with the command line (`None`: it is empty).
fn parse(args: &[String]) -> Result<(&'static Command, Vec<&str>), Option<String>> {
    let (name, options) = args.split_first().ok_or(None)?;
    let command = COMMANDS
        .iter()
        .find(|command| command.name == name)
        .ok_or_else(|| Some(format!("unknown command '{name}'")))?;
    let mut rest = options.iter();
    while let Some(option) = rest.next() {
        let flag = command
            .options
            .iter()
            .find(|known| known.name == option)
            .ok_or_else(|| Some(format!("`{name}` has no option '{option}'")))?;
        if let Some(value) = flag.value {
            rest.next()
                .ok_or_else(|| Some(format!("`{name} {option}` needs a value ({value})")))?;
        }
    }
    Ok((command, options.iter().map(String::as_str).collect()))
}

fn usage() -> String {
    let mut text = String::from("usage: cargo xtask <command> [options]\n\ncommands:\n");
    for command in COMMANDS {
        text.push_str(&format!("  {:<12}{}\n", command.name, command.about));
        for option in command.options {
            let usage = match option.value {
                Some(value) => format!("{} {value}", option.name),
                None => option.name.to_string(),
            };
            text.push_str(&format!("    {usage:<14}{}\n", option.about));
        }
    }
    text
}
