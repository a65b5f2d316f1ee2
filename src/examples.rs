//! The preset programs from `assets/examples/`, embedded at compile time.
//!
//! Each file starts with a `# Title: description` line, which names it in the presets menu.

/// One example program.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    /// File name, e.g. `07_gather.py` (also the run's filename).
    pub file: &'static str,
    pub source: &'static str,
}

impl Preset {
    /// The title from the first line (`# Title: description`).
    pub fn title(&self) -> &'static str {
        let first = self.source.lines().next().unwrap_or_default();
        let header = first.trim_start_matches('#').trim();
        header
            .split_once(':')
            .map_or(header, |(title, _)| title.trim())
    }

    /// The description from the first line, after the title.
    pub fn description(&self) -> &'static str {
        let first = self.source.lines().next().unwrap_or_default();
        first
            .split_once(':')
            .map_or("", |(_, description)| description.trim())
    }
}

macro_rules! preset {
    ($file:literal) => {
        Preset {
            file: $file,
            source: include_str!(concat!("../assets/examples/", $file)),
        }
    };
}

/// Every example, in file order.
pub const PRESETS: &[Preset] = &[
    preset!("01_blocking_sleep.py"),
    preset!("02_async_sleep.py"),
    preset!("03_generators.py"),
    preset!("04_coroutine_by_hand.py"),
    preset!("05_await_chain.py"),
    preset!("06_create_task.py"),
    preset!("07_gather.py"),
    preset!("08_three_counters.py"),
    preset!("09_wait_for_timeout.py"),
    preset!("10_cancellation.py"),
    preset!("11_future_callback.py"),
    preset!("12_queue_backpressure.py"),
    preset!("13_lock.py"),
    preset!("14_event.py"),
    preset!("15_semaphore.py"),
    preset!("16_taskgroup.py"),
    preset!("17_as_completed.py"),
    preset!("18_notebook_await.py"),
    preset!("19_never_awaited.py"),
    preset!("20_async_with_class.py"),
    preset!("21_async_generator_pipeline.py"),
    preset!("22_custom_awaitable.py"),
    preset!("23_logging_workers.py"),
    preset!("24_dataclass_job_queue.py"),
];

/// The example shown on a first visit.
pub const DEFAULT_PRESET: &str = "07_gather.py";

/// The default example.
pub fn default_preset() -> Preset {
    find(DEFAULT_PRESET).unwrap_or(PRESETS[0])
}

/// The preset with this file name.
pub fn find(file: &str) -> Option<Preset> {
    PRESETS.iter().copied().find(|preset| preset.file == file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_has_a_title_and_a_description() {
        for preset in PRESETS {
            assert!(!preset.title().is_empty(), "{}", preset.file);
            assert!(!preset.description().is_empty(), "{}", preset.file);
        }
        assert_eq!(default_preset().title(), "gather");
    }

    #[test]
    fn every_file_in_assets_examples_is_a_preset() {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples");
        let mut files: Vec<String> = std::fs::read_dir(folder)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".py"))
            .collect();
        files.sort();
        let presets: Vec<&str> = PRESETS.iter().map(|preset| preset.file).collect();
        assert_eq!(files, presets, "add the new example to PRESETS");
    }

    #[test]
    fn the_editor_before_the_app_holds_the_default_example_too() {
        // index.html's #early-editor, shown until the app has loaded (src/boot.js): the
        // default example verbatim (so it must need no HTML escaping).
        let index = include_str!("../index.html");
        let source = default_preset().source;
        assert!(!source.contains('&') && !source.contains('<'));
        let textarea = index
            .split_once("<textarea id=\"early-editor\"")
            .and_then(|(_, rest)| rest.split_once(">\n"))
            .and_then(|(_, rest)| rest.split_once("</textarea>"))
            .map(|(text, _)| text);
        assert_eq!(
            textarea,
            Some(source),
            "index.html's #early-editor must hold {DEFAULT_PRESET}"
        );
    }
}
