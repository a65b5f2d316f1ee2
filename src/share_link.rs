//! Share links: the program, its settings, the current event and the composition (when the
//! program was composed), packed into a URL fragment.
//!
//! Pure logic, no browser: [`encode`] and [`decode`] are tested natively. A fragment looks
//! like `#v3.<base64url>`: the version, a dot, then the base64url (no padding) of the
//! DEFLATE-compressed [postcard](https://docs.rs/postcard) encoding of a [`SharedView`]
//! (a compact binary serde format: its fields in order, integers as varints, strings
//! length-prefixed). Format v2 (the same without the composition) is still read; format
//! v1 (JSON) is not: links made by it get the unknown-version banner. Decoding never
//! panics and never inflates more than [`MAX_INFLATED_BYTES`]; every failure is a
//! [`ShareError`] with a message for people.
//! [`encode`] refuses (as [`ShareError::TooLarge`], which the page answers with a `.py`
//! download) every view whose link [`decode`] would refuse.

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use loopscope_composer::Composition;
use serde::{Deserialize, Serialize};

/// The payload format this build writes (and the newest it reads).
pub const PAYLOAD_VERSION: u32 = 3;

/// The oldest payload format this build still reads.
pub const OLDEST_READ_VERSION: u32 = 2;

/// Longest fragment [`encode`] produces; longer programs are offered as a download instead.
pub const MAX_FRAGMENT_CHARS: usize = 16_000;

/// Cap on the decompressed payload (a decompression bomb stops here).
pub const MAX_INFLATED_BYTES: usize = 256 * 1024;

/// Everything a link restores. The field order is the wire format: changing it needs a new
/// [`PAYLOAD_VERSION`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SharedView {
    pub code: String,
    pub seed: u64,
    /// The event shown (index into the trace).
    pub event: usize,
    /// Narration explains internals instead of concepts.
    pub internals: bool,
    /// The timeline's horizontal axis counts events instead of virtual seconds.
    pub event_axis: bool,
    /// The composition `code` was generated from, so the link opens in the composer with
    /// its sliders (format v3).
    pub composition: Option<Composition>,
}

/// Format v2: a [`SharedView`] without the composition.
#[derive(Deserialize)]
struct SharedViewV2 {
    code: String,
    seed: u64,
    event: usize,
    internals: bool,
    event_axis: bool,
}

impl From<SharedViewV2> for SharedView {
    fn from(v2: SharedViewV2) -> SharedView {
        SharedView {
            code: v2.code,
            seed: v2.seed,
            event: v2.event,
            internals: v2.internals,
            event_axis: v2.event_axis,
            composition: None,
        }
    }
}

/// Why a fragment could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The link would be too long (`size` characters), or its data too big once inflated
    /// (`size` bytes), to share; the program should be downloaded instead.
    TooLarge {
        size: usize,
        limit: usize,
        unit: &'static str,
    },
    /// The fragment does not start with `v<number>.`.
    NotALink,
    /// A version this build does not know.
    UnknownVersion(String),
    /// Not valid base64url.
    BadEncoding,
    /// The compressed data is damaged or truncated.
    BadCompression,
    /// Bytes follow the end of the compressed data.
    TrailingData,
    /// The payload inflates past [`MAX_INFLATED_BYTES`].
    TooBigInflated,
    /// The payload is not UTF-8.
    BadText,
    /// The payload is not an encoded [`SharedView`].
    BadPayload,
}

impl fmt::Display for ShareError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::TooLarge { size, limit, unit } => write!(
                formatter,
                "This program is too large for a link ({size} {unit}; the limit is {limit}). Download it as a .py file instead."
            ),
            ShareError::NotALink => write!(formatter, "The link's fragment is not a Loopscope share link."),
            ShareError::UnknownVersion(version) => write!(
                formatter,
                "The link was made by a different version of Loopscope (format {version}); this one reads formats v{OLDEST_READ_VERSION} to v{PAYLOAD_VERSION}."
            ),
            ShareError::BadEncoding => write!(formatter, "The link is damaged: it is not valid base64url."),
            ShareError::BadCompression => {
                write!(formatter, "The link is damaged or cut short: its data does not decompress.")
            }
            ShareError::TrailingData => {
                write!(formatter, "The link is damaged: there is more data after its end.")
            }
            ShareError::TooBigInflated => write!(
                formatter,
                "The link's data decompresses to more than {} KiB, so it was not opened.",
                MAX_INFLATED_BYTES / 1024
            ),
            ShareError::BadText => write!(formatter, "The link is damaged: its program is not valid UTF-8."),
            ShareError::BadPayload => write!(formatter, "The link is damaged: its contents are not a Loopscope view."),
        }
    }
}

/// A link longer than [`MAX_FRAGMENT_CHARS`].
fn link_too_long(chars: usize) -> ShareError {
    ShareError::TooLarge {
        size: chars,
        limit: MAX_FRAGMENT_CHARS,
        unit: "characters",
    }
}

/// Encodes a view as a fragment (`v3.…`, without the `#`), or says it is too large.
pub fn encode(view: &SharedView) -> Result<String, ShareError> {
    let payload = postcard::to_allocvec(view).map_err(|_| ShareError::BadPayload)?;
    // A repetitive program compresses into a short link that would inflate past the cap.
    if payload.len() > MAX_INFLATED_BYTES {
        return Err(ShareError::TooLarge {
            size: payload.len(),
            limit: MAX_INFLATED_BYTES,
            unit: "bytes of data",
        });
    }
    let compressed = miniz_oxide::deflate::compress_to_vec(&payload, 9);
    let fragment = format!("v{PAYLOAD_VERSION}.{}", URL_SAFE_NO_PAD.encode(compressed));
    if fragment.len() > MAX_FRAGMENT_CHARS {
        return Err(link_too_long(fragment.len()));
    }
    Ok(fragment)
}

/// Decodes a fragment (with or without its leading `#`).
pub fn decode(fragment: &str) -> Result<SharedView, ShareError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let (version, data) = fragment
        .strip_prefix('v')
        .and_then(|rest| rest.split_once('.'))
        .ok_or(ShareError::NotALink)?;
    if version.is_empty() || !version.bytes().all(|byte| byte.is_ascii_digit()) {
        return Err(ShareError::NotALink);
    }
    let version = match version.parse::<u32>() {
        Ok(v) if (OLDEST_READ_VERSION..=PAYLOAD_VERSION).contains(&v) => v,
        _ => {
            return Err(ShareError::UnknownVersion(
                version.chars().take(12).collect(),
            ))
        }
    };
    if data.len() > MAX_FRAGMENT_CHARS * 2 {
        return Err(link_too_long(data.len()));
    }
    let compressed = URL_SAFE_NO_PAD
        .decode(data.trim_end_matches('='))
        .map_err(|_| ShareError::BadEncoding)?;
    let payload = inflate(&compressed)?;
    let payload_error = |error| match error {
        postcard::Error::DeserializeBadUtf8 => ShareError::BadText,
        _ => ShareError::BadPayload,
    };
    let (view, rest) = if version == 2 {
        let (v2, rest) =
            postcard::take_from_bytes::<SharedViewV2>(&payload).map_err(payload_error)?;
        (SharedView::from(v2), rest)
    } else {
        postcard::take_from_bytes::<SharedView>(&payload).map_err(payload_error)?
    };
    if !rest.is_empty() {
        return Err(ShareError::BadPayload);
    }
    Ok(view)
}

/// One raw DEFLATE stream, inflated into at most [`MAX_INFLATED_BYTES`], with nothing
/// after its end.
fn inflate(compressed: &[u8]) -> Result<Vec<u8>, ShareError> {
    use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
    use miniz_oxide::inflate::TINFLStatus;
    let mut output = vec![0; MAX_INFLATED_BYTES];
    let (status, consumed, written) = decompress(
        &mut Box::<DecompressorOxide>::default(),
        compressed,
        &mut output,
        0,
        inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF,
    );
    match status {
        TINFLStatus::Done if consumed == compressed.len() => {
            output.truncate(written);
            Ok(output)
        }
        TINFLStatus::Done => Err(ShareError::TrailingData),
        TINFLStatus::HasMoreOutput => Err(ShareError::TooBigInflated),
        _ => Err(ShareError::BadCompression),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> SharedView {
        SharedView {
            code:
                "import asyncio\n\nasync def main():\n    print('héllo ✓')\n\nasyncio.run(main())\n"
                    .into(),
            seed: 42,
            event: 17,
            internals: true,
            event_axis: false,
            composition: None,
        }
    }

    fn fragment_of(bytes: &[u8]) -> String {
        format!(
            "v3.{}",
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(bytes, 6))
        )
    }

    #[test]
    fn a_view_round_trips() {
        let fragment = encode(&sample()).unwrap();
        assert!(fragment.starts_with("v3."));
        assert!(fragment
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || b"-_.".contains(&byte)));
        assert_eq!(decode(&fragment).unwrap(), sample());
        assert_eq!(decode(&format!("#{fragment}")).unwrap(), sample());
    }

    /// `len` pseudo-random letters: text that barely compresses.
    fn random_code(len: usize) -> String {
        let mut state = 7u32;
        (0..len)
            .map(|_| {
                state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                char::from(b'a' + ((state >> 16) % 26) as u8)
            })
            .collect()
    }

    fn view_of(code: String) -> SharedView {
        SharedView { code, ..sample() }
    }

    /// The longest `code(len)` that `encode` accepts, by bisection over `0..upper`.
    fn longest_encodable(upper: usize, code: impl Fn(usize) -> String) -> usize {
        let (mut ok, mut refused) = (0, upper);
        assert!(encode(&view_of(code(ok))).is_ok());
        assert!(encode(&view_of(code(refused))).is_err());
        while refused - ok > 1 {
            let middle = (ok + refused) / 2;
            match encode(&view_of(code(middle))) {
                Ok(_) => ok = middle,
                Err(_) => refused = middle,
            }
        }
        ok
    }

    #[test]
    fn the_link_length_cap_is_exact() {
        let longest = longest_encodable(40_000, random_code);
        let fragment = encode(&view_of(random_code(longest))).unwrap();
        assert!(fragment.len() <= MAX_FRAGMENT_CHARS);
        assert!(
            fragment.len() > MAX_FRAGMENT_CHARS - 8,
            "{}",
            fragment.len()
        );
        assert_eq!(decode(&fragment).unwrap().code, random_code(longest));
        match encode(&view_of(random_code(longest + 1))) {
            Err(ShareError::TooLarge { size, limit, unit }) => {
                assert!(size > MAX_FRAGMENT_CHARS);
                assert_eq!((limit, unit), (MAX_FRAGMENT_CHARS, "characters"));
            }
            other => panic!("{other:?}"),
        }
    }

    /// Issue 10: a repetitive program made a short link that inflated past the cap, so
    /// `decode` refused what `encode` had made.
    #[test]
    fn the_inflated_size_cap_is_exact_on_both_sides() {
        let repetitive = |len: usize| "print('x')\n".repeat(len / 11 + 1)[..len].to_string();
        let longest = longest_encodable(MAX_INFLATED_BYTES * 2, repetitive);
        let exact = view_of(repetitive(longest));
        let payload = postcard::to_allocvec(&exact).unwrap();
        assert_eq!(payload.len(), MAX_INFLATED_BYTES);
        let fragment = encode(&exact).unwrap();
        assert!(
            fragment.len() < 2_000,
            "it compresses well: {}",
            fragment.len()
        );
        assert_eq!(decode(&fragment).unwrap(), exact);
        let over = view_of(repetitive(longest + 1));
        assert_eq!(
            encode(&over),
            Err(ShareError::TooLarge {
                size: MAX_INFLATED_BYTES + 1,
                limit: MAX_INFLATED_BYTES,
                unit: "bytes of data"
            })
        );
        let over_payload = postcard::to_allocvec(&over).unwrap();
        assert_eq!(
            decode(&fragment_of(&over_payload)),
            Err(ShareError::TooBigInflated)
        );
        assert!(encode(&view_of(repetitive(429_000)))
            .unwrap_err()
            .to_string()
            .contains("Download it as a .py file instead."));
    }

    #[test]
    fn what_encode_makes_decode_opens() {
        for len in (0..70_000).step_by(997) {
            for code in [random_code(len), "a".repeat(len * 5)] {
                let view = view_of(code);
                if let Ok(fragment) = encode(&view) {
                    assert_eq!(decode(&fragment).as_ref(), Ok(&view), "length {len}");
                }
            }
        }
    }

    #[test]
    fn the_fragment_length_cap_of_decode_is_exact() {
        let at_cap = format!("v2.{}", "A".repeat(MAX_FRAGMENT_CHARS * 2));
        assert!(!matches!(decode(&at_cap), Err(ShareError::TooLarge { .. })));
        let over = format!("v2.{}", "A".repeat(MAX_FRAGMENT_CHARS * 2 + 1));
        assert_eq!(
            decode(&over),
            Err(ShareError::TooLarge {
                size: MAX_FRAGMENT_CHARS * 2 + 1,
                limit: MAX_FRAGMENT_CHARS,
                unit: "characters"
            })
        );
    }

    #[test]
    fn data_after_the_compressed_stream_is_refused() {
        let payload = postcard::to_allocvec(&sample()).unwrap();
        let compressed = miniz_oxide::deflate::compress_to_vec(&payload, 6);
        let with = |tail: &[u8]| {
            format!(
                "v3.{}",
                URL_SAFE_NO_PAD.encode([&compressed, tail].concat())
            )
        };
        assert_eq!(decode(&with(&[])), Ok(sample()));
        assert_eq!(decode(&with(&[0])), Err(ShareError::TrailingData));
        assert_eq!(decode(&with(b"more")), Err(ShareError::TrailingData));
        assert_eq!(decode(&with(&compressed)), Err(ShareError::TrailingData));
    }

    #[test]
    fn bad_fragments_are_errors_not_panics() {
        assert_eq!(decode(""), Err(ShareError::NotALink));
        assert_eq!(decode("#hello"), Err(ShareError::NotALink));
        assert_eq!(decode("vx.abc"), Err(ShareError::NotALink));
        assert_eq!(
            decode("v1.abc"),
            Err(ShareError::UnknownVersion("1".into()))
        );
        assert_eq!(
            decode("v4.abc"),
            Err(ShareError::UnknownVersion("4".into()))
        );
        assert_eq!(decode("v3.***"), Err(ShareError::BadEncoding));
        assert_eq!(decode("v3.AAAA"), Err(ShareError::BadCompression));
        let fragment = encode(&sample()).unwrap();
        let truncated = &fragment[..fragment.len() - 6];
        assert!(matches!(
            decode(truncated),
            Err(ShareError::BadCompression | ShareError::BadEncoding)
        ));
        // A three-byte program that is not UTF-8, then seed, event, the two flags and no
        // composition.
        assert_eq!(
            decode(&fragment_of(&[3, 0xff, 0xfe, 0x00, 1, 2, 0, 0, 0])),
            Err(ShareError::BadText)
        );
        // Cut short, a flag that is not a bool, and trailing bytes.
        let payload = postcard::to_allocvec(&sample()).unwrap();
        for damaged in [
            payload[..payload.len() - 1].to_vec(),
            [&payload[..payload.len() - 1], &[7]].concat(),
            [&payload[..], &[0]].concat(),
        ] {
            assert_eq!(decode(&fragment_of(&damaged)), Err(ShareError::BadPayload));
        }
    }

    #[test]
    fn a_composition_travels_with_its_sliders() {
        let mut composition = loopscope_composer::TemplateId::ProducerConsumer.build();
        composition.params[2].value = 5.0;
        let view = SharedView {
            code: loopscope_composer::generate(&composition).unwrap().code,
            composition: Some(composition),
            ..sample()
        };
        let fragment = encode(&view).unwrap();
        assert!(fragment.len() < 3_000, "{} characters", fragment.len());
        assert_eq!(decode(&fragment).unwrap(), view);
    }

    #[test]
    fn version_2_links_still_open() {
        #[derive(Serialize)]
        struct V2<'a> {
            code: &'a str,
            seed: u64,
            event: usize,
            internals: bool,
            event_axis: bool,
        }
        let v2 = postcard::to_allocvec(&V2 {
            code: "print('old link')\n",
            seed: 3,
            event: 9,
            internals: false,
            event_axis: true,
        })
        .unwrap();
        let fragment = format!(
            "v2.{}",
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(&v2, 6))
        );
        let view = decode(&fragment).unwrap();
        assert_eq!(view.code, "print('old link')\n");
        assert_eq!((view.seed, view.event, view.event_axis), (3, 9, true));
        assert_eq!(view.composition, None);
        // A v2 payload read as v3 lacks the composition: damaged, not a panic.
        let as_v3 = format!("v3.{}", fragment.strip_prefix("v2.").unwrap());
        assert_eq!(decode(&as_v3), Err(ShareError::BadPayload));
    }

    /// A hostile composition cannot make decoding recurse or allocate without bound: the
    /// model has no recursive type, and the payload is capped.
    #[test]
    fn a_deep_or_huge_composition_is_only_data() {
        let mut composition = loopscope_composer::TemplateId::Blank.build();
        let line = composition.coroutines[0].lines[0].clone();
        composition.coroutines[0].lines =
            vec![loopscope_composer::Line { depth: 255, ..line }; 5_000];
        let view = SharedView {
            composition: Some(composition),
            ..sample()
        };
        let fragment = encode(&view).unwrap();
        assert_eq!(decode(&fragment).unwrap(), view);
        assert!(loopscope_composer::generate(view.composition.as_ref().unwrap()).is_err());
    }

    #[test]
    fn decompression_bombs_stop_at_the_cap() {
        let bomb = fragment_of(&vec![b'a'; MAX_INFLATED_BYTES * 8]);
        assert!(bomb.len() < 10_000);
        assert_eq!(decode(&bomb), Err(ShareError::TooBigInflated));
    }
}
