//! What Loopscope does not simulate (files, UNIX sockets and SSL, subprocesses) stops a program
//! where it is first used, with a NotImplementedError naming it, where CPython would
//! touch the real machine: the recorder cannot give such a program an expectation, so
//! these checks stand in for conformance cases.

use loopscope_runtime::trace::Stream;
use loopscope_runtime::{run_program, RunOptions};

/// Runs `source` and returns its exit status, stdout and stderr.
fn run(source: &str) -> (i32, String, String) {
    let options = RunOptions {
        filename: "main.py".to_string(),
        ..RunOptions::default()
    };
    let outcome = run_program(source, &options);
    (
        outcome.status,
        outcome.stream_text(Stream::Stdout),
        outcome.stream_text(Stream::Stderr),
    )
}

/// `source` fails with an uncaught NotImplementedError saying `message`, after
/// printing `stdout`.
fn assert_not_simulated(source: &str, stdout: &str, message: &str) {
    let (status, out, err) = run(source);
    assert_eq!(status, 1, "{err}");
    assert_eq!(out, stdout);
    let last = err.lines().last().unwrap_or_default();
    assert_eq!(last, format!("NotImplementedError: {message}"), "{err}");
}

#[test]
fn opening_a_file_names_the_missing_file_system() {
    assert_not_simulated(
        "print('before')\nwith open('out.txt', 'w') as f:\n    f.write('x')\n",
        "before\n",
        "open() is not simulated: Loopscope programs have no file system",
    );
}

#[test]
fn unix_sockets_and_ssl_name_what_the_loopback_network_lacks() {
    // The loopback network is TCP over IPv4 (see the streams_* conformance cases).
    let source = "import asyncio\n\
        async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter):\n    \
            pass\n\
        async def main():\n    \
            print(asyncio.iscoroutinefunction(asyncio.open_unix_connection))\n    \
            server = await asyncio.start_unix_server(handle, '/tmp/sock')\n\
        asyncio.run(main())\n";
    assert_not_simulated(
        source,
        "True\n",
        "asyncio.start_unix_server() is not simulated: Loopscope's network has no UNIX \
         domain sockets (only TCP on 127.0.0.1 and localhost)",
    );
    let source = "import asyncio\n\
        async def main():\n    \
            await asyncio.open_connection('127.0.0.1', 443, ssl=True)\n\
        asyncio.run(main())\n";
    assert_not_simulated(
        source,
        "",
        "create_connection() with ssl, local_addr or happy_eyeballs_delay is not \
         simulated: Loopscope's network is TCP over IPv4 on this machine (127.0.0.1, \
         localhost), without SSL",
    );
}

#[test]
fn the_socket_module_names_what_the_loopback_network_lacks() {
    // Sockets on 127.0.0.1 and socket pairs work (the socket_* conformance cases).
    let source = "import socket\n\
        a, b = socket.socketpair()\n\
        print(a.family.name)\n\
        s = socket.socket(socket.AF_UNIX)\n\
        s.bind('/tmp/loopscope.sock')\n";
    assert_not_simulated(
        source,
        "AF_UNIX\n",
        "bind() to a UNIX socket path is not simulated: Loopscope's network is TCP and UDP \
         over IPv4 on this machine (127.0.0.1, localhost) and UNIX socket pairs",
    );
    let source = "import asyncio\n\
        async def main():\n    \
            asyncio.get_running_loop().add_reader(0, print)\n\
        asyncio.run(main())\n";
    assert_not_simulated(
        source,
        "",
        "watching descriptor 0 is not simulated: only sockets can be watched in Loopscope \
         (the standard streams cannot)",
    );
}

#[test]
fn subprocesses_name_what_is_missing_when_awaited() {
    let source = "import asyncio\n\
        from asyncio.subprocess import PIPE\n\
        async def main():\n    \
            print(PIPE, asyncio.subprocess.STDOUT, asyncio.subprocess.DEVNULL)\n    \
            proc = await asyncio.create_subprocess_exec('ls', stdout=PIPE)\n\
        asyncio.run(main())\n";
    assert_not_simulated(
        source,
        "-1 -2 -3\n",
        "asyncio.create_subprocess_exec() is not simulated: Loopscope runs no subprocesses",
    );
}
