//! `cargo xtask serve`: build the web app and serve it locally, rebuilding on change.

use std::net::TcpListener;

use crate::failure::Failure;
use crate::process::run;
use crate::report::{detail, step};
use crate::toolchain;
use crate::workspace::Workspace;
use crate::Command;

pub const COMMAND: Command = Command {
    name: "serve",
    about:
        "build the web app (release) and serve it at http://127.0.0.1:8080/, rebuilding on change",
    options: &[],
    run: |workspace, _| serve(workspace),
};

const ADDRESS: &str = "127.0.0.1";
const PORT: &str = "8080";

fn serve(workspace: &Workspace) -> Result<(), Failure> {
    toolchain::ensure_web_build_tools(workspace)?;
    let address = format!("{ADDRESS}:{PORT}");
    TcpListener::bind(&address).map_err(|error| {
        Failure::new(format!(
            "cannot serve on {address} ({error}); is another server using it?"
        ))
    })?;
    step("serving the web app with trunk");
    detail(&format!("URL: http://{address}/"));
    detail("the first build takes a few minutes (std is recompiled for size); after a rebuild, reload the page; Ctrl-C stops");
    // No autoreload: trunk injects it as an inline script, which the page's CSP blocks.
    run(workspace.trunk().args([
        "serve",
        "--release",
        "--no-autoreload",
        "--disable-address-lookup",
        "--address",
        ADDRESS,
        "--port",
        PORT,
    ]))
}
