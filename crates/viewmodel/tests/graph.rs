//! The live task graph on recorded programs (`tests/graphs/NAME.py`): the graph at each
//! clock advance and at the last event, rendered as text, against `tests/graphs/NAME.txt`;
//! and properties that hold at every event of every example and conformance program.

mod common;
#[path = "../../../tests/programs.rs"]
mod programs;

use std::path::PathBuf;

use common::timeline_of;
use loopscope_viewmodel::{EdgeKind, GraphOptions, NodeId, NodeState, TaskGraph, Timeline};

fn graphs_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/graphs")
}

fn node_name(graph: &TaskGraph, id: NodeId) -> String {
    graph
        .node(id)
        .map_or(format!("{id:?}"), |n| n.title.clone())
}

/// The graph as text: one line per node, then one per edge.
fn render(graph: &TaskGraph) -> String {
    let mut out = String::new();
    for node in &graph.nodes {
        out.push_str(&format!(
            "  [{},{}] {:?} {} · {}{}\n",
            node.column,
            node.row,
            node.state,
            node.title,
            node.subtitle,
            if node.in_cycle { " (cycle)" } else { "" }
        ));
    }
    for edge in &graph.edges {
        out.push_str(&format!(
            "  {} -{:?}-> {} ({}){}\n",
            node_name(graph, edge.from),
            edge.kind,
            node_name(graph, edge.to),
            edge.label,
            if edge.in_cycle { " (cycle)" } else { "" }
        ));
    }
    if !graph.cycle.is_empty() {
        let names: Vec<String> = graph
            .cycle
            .iter()
            .map(|&t| node_name(graph, NodeId::Task(t)))
            .collect();
        out.push_str(&format!("  cycle: {}\n", names.join(" → ")));
    }
    out
}

/// The events a golden file shows: every clock advance and the last event.
fn moments(timeline: &Timeline) -> Vec<usize> {
    let mut moments = timeline.clock_advances().to_vec();
    moments.push(timeline.len() - 1);
    moments
}

#[test]
fn graphs_of_the_recorded_programs_match_their_golden_files() {
    let golden = loopscope_golden::golden!();
    let mut programs: Vec<PathBuf> = std::fs::read_dir(graphs_dir())
        .expect("tests/graphs")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    programs.sort();
    assert!(programs.len() >= 5);
    for program in programs {
        let source = std::fs::read_to_string(&program).expect("program");
        let timeline = timeline_of(&source);
        let mut text = String::new();
        for k in moments(&timeline) {
            text.push_str(&format!("event {k} · t={}\n", timeline.event_time(k)));
            text.push_str(&render(&timeline.task_graph(k, GraphOptions::default())));
        }
        golden.assert_matches(&program.with_extension("txt"), &text);
    }
}

#[test]
fn a_deadlock_shows_its_cycle() {
    for (name, cycle) in [
        ("deadlock_locks", vec!["Task-2", "Task-3"]),
        ("deadlock_tasks", vec!["ping", "pong"]),
    ] {
        let source = std::fs::read_to_string(graphs_dir().join(format!("{name}.py"))).unwrap();
        let timeline = timeline_of(&source);
        let graph = timeline.task_graph(timeline.len() - 1, GraphOptions::default());
        let names: Vec<String> = graph
            .cycle
            .iter()
            .map(|&t| node_name(&graph, NodeId::Task(t)))
            .collect();
        assert_eq!(names, cycle, "{name}");
        assert!(
            graph.edges.iter().filter(|e| e.in_cycle).count() >= 2,
            "{name}: the cycle's arrows are marked"
        );
    }
}

/// At every event of every example and conformance program: arrows join shown nodes,
/// nodes have distinct places, a running task is the one the loop runs, and the graph
/// has no cycle unless the program deadlocked.
#[test]
fn every_graph_is_well_formed() {
    for (name, source) in programs::examples_and_cases() {
        let timeline = timeline_of(&source);
        let deadlocked = timeline
            .end_status()
            .1
            .is_some_and(|m| m.starts_with("deadlock"));
        let step = (timeline.len() / 60).max(1);
        for k in (0..timeline.len()).step_by(step) {
            let graph = timeline.task_graph(k, GraphOptions::default());
            for edge in &graph.edges {
                assert!(graph.node(edge.from).is_some(), "{name} @{k}: {edge:?}");
                assert!(graph.node(edge.to).is_some(), "{name} @{k}: {edge:?}");
            }
            let mut places: Vec<(u32, u32)> =
                graph.nodes.iter().map(|n| (n.column, n.row)).collect();
            places.sort_unstable();
            let before = places.len();
            places.dedup();
            assert_eq!(places.len(), before, "{name} @{k}: two nodes in one place");
            let view = timeline.state_at(k);
            let running: Vec<_> = graph
                .nodes
                .iter()
                .filter(|n| n.state == NodeState::Running)
                .map(|n| n.id)
                .collect();
            let expected: Vec<_> = view
                .running
                .and_then(|r| r.task)
                .map(NodeId::Task)
                .into_iter()
                .filter(|id| graph.node(*id).is_some())
                .collect();
            assert_eq!(running, expected, "{name} @{k}");
            assert!(
                graph.cycle.is_empty() || deadlocked,
                "{name} @{k}: cycle {:?}",
                graph.cycle
            );
            assert!(graph
                .edges
                .iter()
                .all(|e| e.kind != EdgeKind::Created || matches!(e.to, NodeId::Task(_))));
        }
    }
}

#[test]
fn a_crowd_is_cut_to_the_limit_keeping_unfinished_tasks() {
    let source = "import asyncio\n\nasync def nap(n):\n    await asyncio.sleep(n)\n\nasync def main():\n    tasks = [asyncio.create_task(nap(i % 5)) for i in range(100)]\n    await asyncio.sleep(2.5)\n    await asyncio.gather(*tasks)\n\nasyncio.run(main())\n";
    let timeline = timeline_of(source);
    let at = timeline.clock_advances()[2];
    let graph = timeline.task_graph(
        at,
        GraphOptions {
            max_tasks: 30,
            ..GraphOptions::default()
        },
    );
    let tasks = graph
        .nodes
        .iter()
        .filter(|n| matches!(n.id, NodeId::Task(_)))
        .count();
    assert_eq!(tasks, 30);
    assert_eq!(graph.hidden_tasks, 71, "101 tasks, 30 shown");
    assert!(
        graph.nodes.iter().all(|n| n.state != NodeState::Done),
        "unfinished tasks first"
    );
}
