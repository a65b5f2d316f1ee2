//! `cargo xtask`: the project's developer commands, in plain Rust.
//!
//! Every command first installs what it needs (skipping what is already there at the pinned
//! version), so a fresh clone on a fresh machine works with one command. To add a command,
//! write a module that exports a [`Command`] and list it in [`COMMANDS`].

mod bench;
mod failure;
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
    /// Does the work; a `Failure` says what went wrong and what to do about it.
    pub run: fn(&Workspace) -> Result<(), Failure>,
}

/// Every subcommand, in the order the usage text lists them.
const COMMANDS: &[Command] = &[serve::COMMAND, test::COMMAND, lint::COMMAND, bench::COMMAND];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = match args.as_slice() {
        [name] => COMMANDS.iter().find(|command| command.name == name),
        _ => None,
    };
    let Some(command) = command else {
        match args.as_slice() {
            [] => {}
            [name] => eprintln!("error: unknown command '{name}'\n"),
            _ => eprintln!("error: one command at a time, got {}\n", args.join(" ")),
        }
        eprintln!("{}", usage());
        return ExitCode::from(2);
    };
    match (command.run)(&Workspace::of_this_checkout()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("\nerror: cargo xtask {}: {failure}", command.name);
            ExitCode::FAILURE
        }
    }
}

fn usage() -> String {
    let mut text = String::from("usage: cargo xtask <command>\n\ncommands:\n");
    for command in COMMANDS {
        text.push_str(&format!("  {:<8}{}\n", command.name, command.about));
    }
    text
}
