//! Editing a coroutine's lines as the composer's buttons do: insert, remove, move up or
//! down, indent, outdent. A block step moves and goes with its body, so a structure that
//! was valid stays valid.

use crate::model::{Awaitable, Call, Composition, Line, Step};

/// One past the last line of the block that starts at `index` (the line itself and the
/// deeper lines right after it).
pub fn block_end(lines: &[Line], index: usize) -> usize {
    let depth = lines[index].depth;
    (index + 1..lines.len())
        .find(|&i| lines[i].depth <= depth)
        .unwrap_or(lines.len())
}

/// The closest earlier line at the same depth with nothing shallower in between.
pub fn previous_sibling(lines: &[Line], index: usize) -> Option<usize> {
    let depth = lines[index].depth;
    (0..index)
        .rev()
        .take_while(|&i| lines[i].depth >= depth)
        .find(|&i| lines[i].depth == depth)
}

/// The closest later line at the same depth with nothing shallower in between.
pub fn next_sibling(lines: &[Line], index: usize) -> Option<usize> {
    let end = block_end(lines, index);
    (end < lines.len() && lines[end].depth == lines[index].depth).then_some(end)
}

/// Inserts `step` after line `after` (at the start when `None`): first in its body when
/// that line opens a block, else beside it, after its block. Returns the new line's index.
pub fn insert(lines: &mut Vec<Line>, after: Option<usize>, step: Step) -> usize {
    let (index, depth) = match after.filter(|&i| i < lines.len()) {
        None => (0, 0),
        Some(i) if lines[i].step.opens_block() => (i + 1, lines[i].depth + 1),
        Some(i) => (block_end(lines, i), lines[i].depth),
    };
    lines.insert(index, Line { depth, step });
    index
}

/// Removes line `index` with its body; a `try` takes its `except`s along.
pub fn remove(lines: &mut Vec<Line>, index: usize) {
    if index >= lines.len() {
        return;
    }
    let mut end = block_end(lines, index);
    if matches!(lines[index].step, Step::Try) {
        while end < lines.len()
            && lines[end].depth == lines[index].depth
            && matches!(lines[end].step, Step::Except { .. })
        {
            end = block_end(lines, end);
        }
    }
    lines.drain(index..end);
}

/// Swaps the block at `index` with the previous sibling block. Returns its new index.
pub fn move_up(lines: &mut [Line], index: usize) -> Option<usize> {
    if index >= lines.len() {
        return None;
    }
    let previous = previous_sibling(lines, index)?;
    let end = block_end(lines, index);
    lines[previous..end].rotate_left(index - previous);
    Some(previous)
}

/// Swaps the block at `index` with the next sibling block. Returns its new index.
pub fn move_down(lines: &mut [Line], index: usize) -> Option<usize> {
    if index >= lines.len() {
        return None;
    }
    let next = next_sibling(lines, index)?;
    let next_end = block_end(lines, next);
    lines[index..next_end].rotate_left(next - index);
    Some(index + (next_end - next))
}

/// Moves the block at `index` into the body of the block step just above it.
pub fn indent(lines: &mut [Line], index: usize) -> bool {
    let Some(previous) = index.checked_sub(1) else {
        return false;
    };
    if index >= lines.len() {
        return false;
    }
    let allowed = lines[previous].depth + u8::from(lines[previous].step.opens_block());
    if lines[index].depth >= allowed || lines[index].depth >= crate::generate::MAX_DEPTH {
        return false;
    }
    let end = block_end(lines, index);
    for line in &mut lines[index..end] {
        line.depth += 1;
    }
    true
}

/// Moves the block at `index` out of the block it is in, to just below that block.
/// Returns its new index.
pub fn outdent(lines: &mut [Line], index: usize) -> Option<usize> {
    if index >= lines.len() || lines[index].depth == 0 {
        return None;
    }
    let depth = lines[index].depth;
    let parent = (0..index).rev().find(|&i| lines[i].depth < depth)?;
    let end = block_end(lines, index);
    let parent_end = block_end(lines, parent);
    for line in &mut lines[index..end] {
        line.depth -= 1;
    }
    lines[index..parent_end].rotate_left(end - index);
    Some(parent_end - (end - index))
}

/// Renames coroutine `index` and every call of it.
pub fn rename_coroutine(composition: &mut Composition, index: usize, name: String) {
    let Some(coroutine) = composition.coroutines.get_mut(index) else {
        return;
    };
    let old = std::mem::replace(&mut coroutine.name, name.clone());
    for coroutine in &mut composition.coroutines {
        for line in &mut coroutine.lines {
            for call in calls_mut(&mut line.step) {
                if call.coroutine == old {
                    call.coroutine = name.clone();
                }
            }
        }
    }
}

/// Every call a step makes.
fn calls_mut(step: &mut Step) -> Vec<&mut Call> {
    fn of(awaitable: &mut Awaitable) -> Option<&mut Call> {
        match awaitable {
            Awaitable::Call(call) | Awaitable::Each { call, .. } => Some(call),
            Awaitable::Task(_) => None,
        }
    }
    match step {
        Step::Await { call, .. } | Step::CreateTask { call, .. } => vec![call],
        Step::Gather { awaitables, .. } => awaitables.iter_mut().filter_map(of).collect(),
        Step::WaitFor { awaitable, .. } => of(awaitable).into_iter().collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn print(text: &str) -> Step {
        Step::Print {
            text: text.to_string(),
        }
    }

    fn repeat() -> Step {
        Step::Repeat {
            times: "3".to_string(),
            var: "i".to_string(),
        }
    }

    /// The lines as "depth:text" for short assertions.
    fn shape(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| match &l.step {
                Step::Print { text } => format!("{}:{text}", l.depth),
                other => format!("{}:{}", l.depth, other.kind_name()),
            })
            .collect()
    }

    fn sample() -> Vec<Line> {
        let mut lines = Vec::new();
        let a = insert(&mut lines, None, print("a"));
        let r = insert(&mut lines, Some(a), repeat());
        let b = insert(&mut lines, Some(r), print("b"));
        insert(&mut lines, Some(b), print("c"));
        let d = insert(&mut lines, Some(r), print("d"));
        assert_eq!(d, 2, "inserted first in the repeat's body");
        lines.push(Line {
            depth: 0,
            step: print("e"),
        });
        lines
    }

    #[test]
    fn inserting_goes_into_an_opened_block_or_after_a_whole_block() {
        let lines = sample();
        assert_eq!(
            shape(&lines),
            ["0:a", "0:repeat", "1:d", "1:b", "1:c", "0:e"]
        );
        let mut lines = lines;
        let f = insert(&mut lines, Some(0), print("f"));
        assert_eq!(f, 1);
        let g = insert(&mut lines, Some(1), print("g"));
        assert_eq!(g, 2, "after f, a plain step");
        assert_eq!(shape(&lines)[3], "0:repeat");
    }

    #[test]
    fn blocks_move_with_their_bodies() {
        let mut lines = sample();
        assert_eq!(move_up(&mut lines, 1), Some(0));
        assert_eq!(
            shape(&lines),
            ["0:repeat", "1:d", "1:b", "1:c", "0:a", "0:e"]
        );
        assert_eq!(move_down(&mut lines, 0), Some(1));
        assert_eq!(
            shape(&lines),
            ["0:a", "0:repeat", "1:d", "1:b", "1:c", "0:e"]
        );
        assert_eq!(move_down(&mut lines, 1), Some(2));
        assert_eq!(
            shape(&lines),
            ["0:a", "0:e", "0:repeat", "1:d", "1:b", "1:c"]
        );
        assert_eq!(move_up(&mut lines, 3), None, "first in its block");
        assert_eq!(move_down(&mut lines, 5), None, "last in its block");
        assert_eq!(move_down(&mut lines, 3), Some(4));
        assert_eq!(shape(&lines)[3..], ["1:b", "1:d", "1:c"]);
    }

    #[test]
    fn indenting_and_outdenting_keep_the_structure_valid() {
        let mut lines = sample();
        assert!(!indent(&mut lines, 0), "nothing above");
        assert!(!indent(&mut lines, 1), "a plain step above");
        assert!(indent(&mut lines, 5), "e goes into the repeat");
        assert_eq!(shape(&lines)[5], "1:e");
        assert_eq!(
            outdent(&mut lines, 2),
            Some(5),
            "d leaves the block, below it"
        );
        assert_eq!(
            shape(&lines),
            ["0:a", "0:repeat", "1:b", "1:c", "1:e", "0:d"]
        );
        assert_eq!(outdent(&mut lines, 0), None);
    }

    /// Every kind the menu offers makes a step of that kind, and a composition made of
    /// each of them in turn (with what they refer to declared) generates.
    #[test]
    fn every_menu_kind_makes_a_step_that_generates() {
        use crate::build::{coroutine, new_step, resource, STEP_KINDS};
        use crate::{generate, Composition, ResourceKind};
        let mut composition = Composition {
            title: String::new(),
            description: String::new(),
            template: None,
            params: Vec::new(),
            resources: vec![
                resource(
                    "queue",
                    ResourceKind::Queue {
                        maxsize: "0".to_string(),
                    },
                ),
                resource("lock", ResourceKind::Lock),
                resource("event", ResourceKind::Event),
            ],
            coroutines: vec![
                coroutine("worker", &["n"], "").then(print("hi")).done(),
                coroutine("main", &[], "").done(),
            ],
        };
        for kind in STEP_KINDS {
            let step = new_step(kind, &composition, 1).expect("a step");
            assert_eq!(step.kind_name(), *kind);
            let task = new_step("create_task", &composition, 1).unwrap();
            let main = &mut composition.coroutines[1].lines;
            main.clear();
            main.push(Line {
                depth: 0,
                step: task,
            });
            if matches!(step, Step::Except { .. }) {
                main.push(Line {
                    depth: 0,
                    step: Step::Try,
                });
                main.push(Line {
                    depth: 1,
                    step: print("x"),
                });
            }
            let opens = step.opens_block();
            main.push(Line {
                depth: 0,
                step: step.clone(),
            });
            if matches!(step, Step::Try) {
                main.push(Line {
                    depth: 1,
                    step: print("x"),
                });
                main.push(Line {
                    depth: 0,
                    step: Step::Except {
                        error: "ValueError".to_string(),
                        var: String::new(),
                    },
                });
            } else if opens {
                main.push(Line {
                    depth: 1,
                    step: print("x"),
                });
            }
            generate(&composition).unwrap_or_else(|p| panic!("{kind}: {p:?}"));
        }
        assert!(new_step("teleport", &composition, 1).is_none());
    }

    #[test]
    fn renaming_a_coroutine_renames_its_calls() {
        let mut composition = crate::TemplateId::ProducerConsumer.build();
        rename_coroutine(&mut composition, 1, "eater".to_string());
        let code = crate::generate(&composition).unwrap().code;
        assert!(code.contains("async def eater(number, queue):"));
        assert!(code.contains("asyncio.create_task(eater(n, queue), name=f\"consumer-{n}\")"));
    }

    #[test]
    fn removing_a_try_takes_its_handlers() {
        let mut lines = vec![
            Line {
                depth: 0,
                step: Step::Try,
            },
            Line {
                depth: 1,
                step: print("x"),
            },
            Line {
                depth: 0,
                step: Step::Except {
                    error: "ValueError".to_string(),
                    var: String::new(),
                },
            },
            Line {
                depth: 1,
                step: print("y"),
            },
            Line {
                depth: 0,
                step: print("z"),
            },
        ];
        remove(&mut lines, 0);
        assert_eq!(shape(&lines), ["0:z"]);
        remove(&mut lines, 7);
        assert_eq!(lines.len(), 1);
    }
}
