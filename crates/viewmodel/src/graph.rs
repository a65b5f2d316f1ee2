//! The live task graph at event *k*: who created whom, who awaits whom (directly or
//! through a gather, wait, wait_for, shield or TaskGroup future), which queue, lock,
//! event or semaphore each waiter is parked on, who holds each lock, and how every
//! future shown has ended so far; the wait-for cycle among tasks, when there is one.
//!
//! Built from the replayed state at *k* and the catalog's static facts (who created a
//! task, which futures a future follows, when each future finished), so it works for
//! any program and moves with the playhead. The layout is a grid the page scales: a
//! task's column is twice its depth in the creation tree, the futures it awaits sit in
//! the odd column to its right on its row (siblings, such as a gather of executor
//! futures, side by side past it), primitives in a column of their own at the right; tasks take rows in creation order, so rows never move as time goes on.

use loopscope_runtime::trace::Wait;

use crate::catalog::{Catalog, FutureEnd};
use crate::labels::Names;
use crate::replay::{Phase, State};

/// A node of the graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NodeId {
    Task(u32),
    Future(u32),
    Primitive(u32),
}

/// What a node's colour says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeState {
    Ready,
    Running,
    Waiting,
    Done,
    Failed,
    Cancelled,
    /// A future not finished yet.
    Pending,
    /// A queue, lock, event or semaphore.
    Primitive,
}

/// One box of the diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct GraphNode {
    pub id: NodeId,
    /// "Task-2", "gather()", "Queue #1".
    pub title: String,
    /// "fetch()" and what it waits on, a future's result, a queue's size.
    pub subtitle: String,
    pub state: NodeState,
    pub column: u32,
    pub row: u32,
    /// Part of the wait-for cycle.
    pub in_cycle: bool,
}

/// What an arrow means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EdgeKind {
    /// `from` created the task `to`.
    Created,
    /// The task `from` awaits `to` (a task or a future).
    Awaits,
    /// The future `from` finishes according to `to` (gather's children...).
    Follows,
    /// The task `from` is parked on the primitive `to`.
    ParkedOn,
    /// The lock `from` is held by the task `to`.
    HeldBy,
}

/// One arrow of the diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct GraphEdge {
    pub from: NodeId,
    pub to: NodeId,
    pub kind: EdgeKind,
    /// e.g. "Queue.get", "awaits", "created".
    pub label: String,
    pub in_cycle: bool,
}

/// The whole diagram after one event.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TaskGraph {
    pub nodes: Vec<GraphNode>,
    pub edges: Vec<GraphEdge>,
    /// Tasks left out to keep the diagram readable (finished ones first).
    pub hidden_tasks: usize,
    /// Tasks that wait on each other in a circle, in order (each waits on the next,
    /// the last on the first): none of them can ever go on.
    pub cycle: Vec<u32>,
    /// One more than the largest column and row used.
    pub columns: u32,
    pub rows: u32,
}

impl TaskGraph {
    pub fn node(&self, id: NodeId) -> Option<&GraphNode> {
        self.nodes.iter().find(|n| n.id == id)
    }
}

/// Which tasks the diagram shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GraphOptions {
    /// Show asyncio's own tasks (`asyncio.run`'s shutdown steps).
    pub internals: bool,
    /// At most this many tasks: unfinished ones first, then the latest to finish.
    pub max_tasks: usize,
}

impl Default for GraphOptions {
    fn default() -> GraphOptions {
        GraphOptions {
            internals: false,
            max_tasks: 40,
        }
    }
}

/// How deep gathers of gathers are followed.
const MAX_FUTURE_NESTING: u32 = 6;
/// Deepest column of the creation tree.
const MAX_DEPTH: u32 = 12;

/// The graph after event `k`, given the state after it.
pub(crate) fn build(
    names: &Names,
    k: usize,
    is_internal: &dyn Fn(u32) -> bool,
    options: GraphOptions,
) -> TaskGraph {
    let (state, catalog) = (names.state, names.catalog);
    let shown = shown_tasks(state, catalog, k, is_internal, options);
    let mut graph = TaskGraph {
        hidden_tasks: visible_count(state, is_internal, options) - shown.len(),
        ..TaskGraph::default()
    };
    let cycle = wait_cycle(state, catalog, k);
    for (row, &task) in shown.iter().enumerate() {
        let depth = depth_of(catalog, task).min(MAX_DEPTH);
        graph.nodes.push(task_node(
            names,
            task,
            2 * depth,
            row as u32,
            cycle.contains(&task),
        ));
    }
    for &task in &shown {
        if let Some(parent) = catalog.task(task).and_then(|t| t.creator) {
            if shown.contains(&parent) {
                graph.edges.push(edge(
                    NodeId::Task(parent),
                    NodeId::Task(task),
                    EdgeKind::Created,
                    "created",
                ));
            }
        }
    }
    for (row, &task) in shown.iter().enumerate() {
        if let Some(Phase::Waiting(wait)) = state.task(task).map(|t| t.phase) {
            let column = 2 * depth_of(catalog, task).min(MAX_DEPTH) + 1;
            add_wait(
                &mut graph,
                names,
                k,
                task,
                &wait,
                (column, row as u32),
                &shown,
            );
        }
    }
    add_primitives(&mut graph, names, &shown);
    mark_cycle(&mut graph, &cycle, catalog, state);
    graph.cycle = cycle;
    graph.columns = graph.nodes.iter().map(|n| n.column + 1).max().unwrap_or(0);
    graph.rows = graph.nodes.iter().map(|n| n.row + 1).max().unwrap_or(0);
    graph
}

fn edge(from: NodeId, to: NodeId, kind: EdgeKind, label: &str) -> GraphEdge {
    GraphEdge {
        from,
        to,
        kind,
        label: label.to_string(),
        in_cycle: false,
    }
}

/// Tasks created by event `k`, not internal unless asked for.
fn visible_count(state: &State, is_internal: &dyn Fn(u32) -> bool, options: GraphOptions) -> usize {
    (1..state.tasks.len() as u32)
        .filter(|&t| state.task(t).is_some() && (options.internals || !is_internal(t)))
        .count()
}

/// The tasks shown, in creation order: every unfinished one, then the most recently
/// finished, up to the limit.
fn shown_tasks(
    state: &State,
    catalog: &Catalog,
    k: usize,
    is_internal: &dyn Fn(u32) -> bool,
    options: GraphOptions,
) -> Vec<u32> {
    let all: Vec<u32> = (1..state.tasks.len() as u32)
        .filter(|&t| state.task(t).is_some() && (options.internals || !is_internal(t)))
        .collect();
    if all.len() <= options.max_tasks {
        return all;
    }
    let finished_at = |t: u32| {
        catalog
            .task(t)
            .and_then(|info| catalog.future(info.future))
            .and_then(|f| f.end)
            .map(|(at, _, _)| at)
            .filter(|&at| at <= k)
    };
    let mut ranked = all.clone();
    // Unfinished first (by id), then finished, latest first.
    ranked.sort_by_key(|&t| match finished_at(t) {
        None => (0, 0, t),
        Some(at) => (1, usize::MAX - at, t),
    });
    ranked.truncate(options.max_tasks);
    ranked.sort_unstable();
    ranked
}

/// How many creators separate `task` from a task nobody created.
fn depth_of(catalog: &Catalog, task: u32) -> u32 {
    let mut depth = 0;
    let mut current = task;
    while let Some(parent) = catalog.task(current).and_then(|t| t.creator) {
        if parent == current || depth > MAX_DEPTH {
            break;
        }
        depth += 1;
        current = parent;
    }
    depth
}

fn task_node(names: &Names, task: u32, column: u32, row: u32, in_cycle: bool) -> GraphNode {
    let phase = names.state.task(task).map(|t| t.phase);
    let coro = names.coro(task);
    let (state, subtitle) = match phase {
        Some(Phase::Ready) | None => (NodeState::Ready, format!("{coro} · ready")),
        Some(Phase::Running) => (NodeState::Running, format!("{coro} · running")),
        Some(Phase::Waiting(wait)) => (
            NodeState::Waiting,
            format!("{coro} · waits for {}", names.wait(&wait)),
        ),
        Some(Phase::Done(result)) => (
            NodeState::Done,
            format!("{coro} · returned {}", names.str(result)),
        ),
        Some(Phase::Failed(error)) => (
            NodeState::Failed,
            format!("{coro} · raised {}", names.str(error)),
        ),
        Some(Phase::Cancelled) => (NodeState::Cancelled, format!("{coro} · cancelled")),
    };
    GraphNode {
        id: NodeId::Task(task),
        title: names.task(task),
        subtitle,
        state,
        column,
        row,
        in_cycle,
    }
}

/// A future's state at event `k`, and its subtitle.
fn future_state(names: &Names, future: u32, k: usize) -> (NodeState, String) {
    let end = names
        .catalog
        .future(future)
        .and_then(|f| f.end)
        .filter(|(at, _, _)| *at <= k);
    match end {
        None => (NodeState::Pending, "pending".to_string()),
        Some((_, FutureEnd::Resolved, result)) => {
            (NodeState::Done, format!("result {}", names.str(result)))
        }
        Some((_, FutureEnd::Failed, error)) => {
            (NodeState::Failed, format!("raised {}", names.str(error)))
        }
        Some((_, FutureEnd::Cancelled, _)) => (NodeState::Cancelled, "cancelled".to_string()),
    }
}

/// The arrows (and future boxes) for what `task` waits on.
fn add_wait(
    graph: &mut TaskGraph,
    names: &Names,
    k: usize,
    task: u32,
    wait: &Wait,
    at: (u32, u32),
    shown: &[u32],
) {
    let from = NodeId::Task(task);
    match *wait {
        Wait::Task { task: awaited } => {
            if shown.contains(&awaited) {
                graph.edges.push(edge(
                    from,
                    NodeId::Task(awaited),
                    EdgeKind::Awaits,
                    "awaits",
                ));
            }
        }
        Wait::Future { future } => {
            let Some(info) = names.catalog.future(future) else {
                return;
            };
            if let Some(awaited) = info.task {
                if shown.contains(&awaited) {
                    graph.edges.push(edge(
                        from,
                        NodeId::Task(awaited),
                        EdgeKind::Awaits,
                        "awaits",
                    ));
                }
            } else if let Some(primitive) = info.primitive {
                let role = names.str(info.role);
                graph.edges.push(edge(
                    from,
                    NodeId::Primitive(primitive),
                    EdgeKind::ParkedOn,
                    role,
                ));
            } else if info.sleep_until.is_none() {
                graph.edges.push(edge(
                    from,
                    NodeId::Future(future),
                    EdgeKind::Awaits,
                    "awaits",
                ));
                add_future(graph, names, k, future, at, shown, 0);
            }
        }
        Wait::Yield => {}
    }
}

/// A future's box and, recursively, the arrows to what it follows.
fn add_future(
    graph: &mut TaskGraph,
    names: &Names,
    k: usize,
    future: u32,
    (column, row): (u32, u32),
    shown: &[u32],
    nesting: u32,
) {
    if graph.node(NodeId::Future(future)).is_some() || nesting > MAX_FUTURE_NESTING {
        return;
    }
    let (state, subtitle) = future_state(names, future, k);
    let title = names
        .catalog
        .future(future)
        .map_or(String::new(), |f| names.str(f.label).to_string());
    // Sibling futures (a gather of executor futures) go side by side on the row.
    let free = graph
        .nodes
        .iter()
        .filter(|n| n.row == row)
        .map(|n| n.column + 1)
        .max()
        .unwrap_or(0);
    graph.nodes.push(GraphNode {
        id: NodeId::Future(future),
        title,
        subtitle,
        state,
        column: (column + nesting).max(free),
        row,
        in_cycle: false,
    });
    let children = names
        .catalog
        .future(future)
        .map_or(&[][..], |f| &f.children[..]);
    for &(linked_at, child) in children {
        if linked_at > k {
            continue;
        }
        match names.catalog.future(child).and_then(|c| c.task) {
            Some(task) if shown.contains(&task) => {
                graph.edges.push(edge(
                    NodeId::Future(future),
                    NodeId::Task(task),
                    EdgeKind::Follows,
                    "waits for",
                ));
            }
            Some(_) => {}
            None => {
                graph.edges.push(edge(
                    NodeId::Future(future),
                    NodeId::Future(child),
                    EdgeKind::Follows,
                    "waits for",
                ));
                add_future(graph, names, k, child, (column, row), shown, nesting + 1);
            }
        }
    }
}

/// Primitives someone is parked on or holds, in a column of their own.
fn add_primitives(graph: &mut TaskGraph, names: &Names, shown: &[u32]) {
    let column = graph.nodes.iter().map(|n| n.column + 2).max().unwrap_or(0);
    let mut row = 0;
    for (id, primitive) in names.state.primitives.iter().enumerate() {
        let id = id as u32;
        let parked = graph.edges.iter().any(|e| e.to == NodeId::Primitive(id));
        let owner = primitive.owner.filter(|o| shown.contains(o));
        if !parked && owner.is_none() {
            continue;
        }
        let info = names.catalog.primitive(id);
        let title = info.map_or(String::new(), |p| names.str(p.label).to_string());
        let kind = info.map_or("", |p| names.str(p.kind));
        let subtitle = match kind {
            "Queue" | "LifoQueue" | "PriorityQueue" => format!("{} item(s)", primitive.items.len()),
            "Event" => if primitive.set { "set" } else { "not set" }.to_string(),
            "Semaphore" | "BoundedSemaphore" => primitive
                .value
                .map_or(String::new(), |v| format!("value {v}")),
            "Lock" => match owner {
                Some(task) => format!("held by {}", names.task(task)),
                None => "free".to_string(),
            },
            _ => String::new(),
        };
        graph.nodes.push(GraphNode {
            id: NodeId::Primitive(id),
            title,
            subtitle,
            state: NodeState::Primitive,
            column,
            row,
            in_cycle: false,
        });
        row += 1;
        if let Some(task) = owner {
            graph.edges.push(edge(
                NodeId::Primitive(id),
                NodeId::Task(task),
                EdgeKind::HeldBy,
                "held by",
            ));
        }
    }
}

/// The tasks a waiting task waits on: the task it awaits, a locked lock's holder, the
/// unfinished tasks behind a gather (or wait, shield...) future.
fn waits_on(state: &State, catalog: &Catalog, k: usize, task: u32) -> Vec<u32> {
    let Some(Phase::Waiting(wait)) = state.task(task).map(|t| t.phase) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    match wait {
        Wait::Task { task } => out.push(task),
        Wait::Future { future } => behind_future(state, catalog, k, future, &mut out, 0),
        Wait::Yield => {}
    }
    out
}

fn behind_future(
    state: &State,
    catalog: &Catalog,
    k: usize,
    future: u32,
    out: &mut Vec<u32>,
    nesting: u32,
) {
    let Some(info) = catalog.future(future) else {
        return;
    };
    if info.end.is_some_and(|(at, _, _)| at <= k) || nesting > MAX_FUTURE_NESTING {
        return;
    }
    if let Some(task) = info.task {
        out.push(task);
    } else if let Some(primitive) = info.primitive {
        if let Some(owner) = state
            .primitives
            .get(primitive as usize)
            .and_then(|p| p.owner)
        {
            out.push(owner);
        }
    } else {
        for &(linked_at, child) in &info.children {
            if linked_at <= k {
                behind_future(state, catalog, k, child, out, nesting + 1);
            }
        }
    }
}

/// The first circle of waits among tasks (in task order), as the tasks in order.
fn wait_cycle(state: &State, catalog: &Catalog, k: usize) -> Vec<u32> {
    let count = state.tasks.len();
    // 0: not visited, 1: on the current path, 2: done.
    let mut mark = vec![0u8; count];
    for start in 1..count as u32 {
        if mark[start as usize] != 0 {
            continue;
        }
        // An iterative depth-first search: (task, its successors, next index).
        let mut path: Vec<(u32, Vec<u32>, usize)> =
            vec![(start, waits_on(state, catalog, k, start), 0)];
        mark[start as usize] = 1;
        while let Some((task, successors, next)) = path.last_mut() {
            if let Some(&successor) = successors.get(*next) {
                *next += 1;
                match mark.get(successor as usize).copied() {
                    Some(0) => {
                        mark[successor as usize] = 1;
                        let after = waits_on(state, catalog, k, successor);
                        path.push((successor, after, 0));
                    }
                    Some(1) => {
                        let from = path
                            .iter()
                            .position(|(t, _, _)| *t == successor)
                            .unwrap_or(0);
                        return path[from..].iter().map(|(t, _, _)| *t).collect();
                    }
                    _ => {}
                }
            } else {
                mark[*task as usize] = 2;
                path.pop();
            }
        }
    }
    Vec::new()
}

/// Marks the nodes and arrows that carry the cycle's waits.
fn mark_cycle(graph: &mut TaskGraph, cycle: &[u32], catalog: &Catalog, state: &State) {
    if cycle.is_empty() {
        return;
    }
    let in_cycle_task = |id: NodeId| matches!(id, NodeId::Task(t) if cycle.contains(&t));
    // Futures and locks between two tasks of the cycle carry it too.
    let carriers: Vec<NodeId> = graph
        .nodes
        .iter()
        .filter(|n| match n.id {
            NodeId::Future(f) => {
                graph
                    .edges
                    .iter()
                    .any(|e| e.to == n.id && in_cycle_task(e.from))
                    && catalog.future(f).is_some()
            }
            NodeId::Primitive(p) => state
                .primitives
                .get(p as usize)
                .and_then(|p| p.owner)
                .is_some_and(|o| cycle.contains(&o)),
            NodeId::Task(t) => cycle.contains(&t),
        })
        .map(|n| n.id)
        .collect();
    for node in &mut graph.nodes {
        node.in_cycle = carriers.contains(&node.id);
    }
    for edge in &mut graph.edges {
        edge.in_cycle = edge.kind != EdgeKind::Created
            && carriers.contains(&edge.from)
            && carriers.contains(&edge.to);
    }
}
