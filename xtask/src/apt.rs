//! Debian packages the xtask installs when they are missing (Chromium for the browser tests,
//! Node.js and npm for wasm-opt and Playwright), as root or through sudo.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::failure::Failure;
use crate::process::{probe, run};
use crate::report::detail;
use crate::workspace::Workspace;

/// `apt-get update` runs at most once per command, however many packages are missing.
static INDEX_UPDATED: AtomicBool = AtomicBool::new(false);

/// Installs `packages` with apt-get; the caller has found them missing and said why they are
/// needed. `manual` is the advice when that cannot be done here.
pub fn install(workspace: &Workspace, packages: &[&str], manual: &str) -> Result<(), Failure> {
    let listed = packages.join(" ");
    if probe(workspace.command("apt-get").arg("--version")).is_none() {
        return Err(Failure::new(format!(
            "there is no apt-get to install {listed}; {manual}"
        )));
    }
    let as_root = probe(workspace.command("id").arg("-u")).as_deref() == Some("0");
    detail(&format!(
        "missing: installing with {}apt-get: {listed}",
        if as_root { "" } else { "sudo " }
    ));
    let apt_get = |arguments: &[&str]| {
        let mut command = if as_root {
            workspace.command("apt-get")
        } else {
            let mut sudo = workspace.command("sudo");
            sudo.args(["env", "DEBIAN_FRONTEND=noninteractive", "apt-get"]);
            sudo
        };
        command
            .env("DEBIAN_FRONTEND", "noninteractive")
            .args(arguments);
        command
    };
    let update = || {
        if INDEX_UPDATED.swap(true, Ordering::Relaxed) {
            Ok(())
        } else {
            run(&mut apt_get(&["update"]))
        }
    };
    let mut install = apt_get(&["install", "-y"]);
    install.args(packages);
    update()
        .and_then(|()| run(&mut install))
        .map_err(|failure| {
            Failure::new(format!(
                "{failure}\n    could not install {listed}; {manual}"
            ))
        })
}
