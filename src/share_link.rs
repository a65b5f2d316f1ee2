//! Share links: the program, its settings and the current event, packed into a URL fragment.
//!
//! Pure logic, no browser: [`encode`] and [`decode`] are tested natively. A fragment looks
//! like `#v2.<base64url>`: the version, a dot, then the base64url (no padding) of the
//! DEFLATE-compressed [postcard](https://docs.rs/postcard) encoding of a [`SharedView`]
//! (a compact binary serde format: its fields in order, integers as varints, strings
//! length-prefixed). Format v1 (JSON) is no longer read: links made by it get the
//! unknown-version banner. Decoding never panics and never inflates more than
//! [`MAX_INFLATED_BYTES`]; every failure is a [`ShareError`] with a message for people.

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};

/// The payload format this build writes and reads.
pub const PAYLOAD_VERSION: u32 = 2;

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
}

/// Why a fragment could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The link is too long to share; the program should be downloaded instead.
    TooLarge { chars: usize },
    /// The fragment does not start with `v<number>.`.
    NotALink,
    /// A version this build does not know.
    UnknownVersion(String),
    /// Not valid base64url.
    BadEncoding,
    /// The compressed data is damaged or truncated.
    BadCompression,
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
            ShareError::TooLarge { chars } => write!(
                formatter,
                "This program is too large for a link ({chars} characters; the limit is {MAX_FRAGMENT_CHARS}). Download it as a .py file instead."
            ),
            ShareError::NotALink => write!(formatter, "The link's fragment is not a Loopscope share link."),
            ShareError::UnknownVersion(version) => write!(
                formatter,
                "The link was made by a different version of Loopscope (format {version}); this one reads format v{PAYLOAD_VERSION}."
            ),
            ShareError::BadEncoding => write!(formatter, "The link is damaged: it is not valid base64url."),
            ShareError::BadCompression => {
                write!(formatter, "The link is damaged or cut short: its data does not decompress.")
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

/// Encodes a view as a fragment (`v2.…`, without the `#`), or says it is too large.
pub fn encode(view: &SharedView) -> Result<String, ShareError> {
    let payload = postcard::to_allocvec(view).map_err(|_| ShareError::BadPayload)?;
    let compressed = miniz_oxide::deflate::compress_to_vec(&payload, 9);
    let fragment = format!("v{PAYLOAD_VERSION}.{}", URL_SAFE_NO_PAD.encode(compressed));
    if fragment.len() > MAX_FRAGMENT_CHARS {
        return Err(ShareError::TooLarge {
            chars: fragment.len(),
        });
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
    if version != PAYLOAD_VERSION.to_string() {
        return Err(ShareError::UnknownVersion(
            version.chars().take(12).collect(),
        ));
    }
    if data.len() > MAX_FRAGMENT_CHARS * 2 {
        return Err(ShareError::TooLarge { chars: data.len() });
    }
    let compressed = URL_SAFE_NO_PAD
        .decode(data.trim_end_matches('='))
        .map_err(|_| ShareError::BadEncoding)?;
    let payload =
        miniz_oxide::inflate::decompress_to_vec_with_limit(&compressed, MAX_INFLATED_BYTES)
            .map_err(|error| match error.status {
                miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::TooBigInflated,
                _ => ShareError::BadCompression,
            })?;
    let (view, rest) = postcard::take_from_bytes(&payload).map_err(|error| match error {
        postcard::Error::DeserializeBadUtf8 => ShareError::BadText,
        _ => ShareError::BadPayload,
    })?;
    if !rest.is_empty() {
        return Err(ShareError::BadPayload);
    }
    Ok(view)
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
        }
    }

    fn fragment_of(bytes: &[u8]) -> String {
        format!(
            "v2.{}",
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(bytes, 6))
        )
    }

    #[test]
    fn a_view_round_trips() {
        let fragment = encode(&sample()).unwrap();
        assert!(fragment.starts_with("v2."));
        assert!(fragment
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || b"-_.".contains(&byte)));
        assert_eq!(decode(&fragment).unwrap(), sample());
        assert_eq!(decode(&format!("#{fragment}")).unwrap(), sample());
    }

    #[test]
    fn too_large_programs_are_refused() {
        // Pseudo-random text does not compress, so the fragment outgrows the limit.
        let mut state = 7u32;
        let code: String = (0..40_000)
            .map(|_| {
                state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                char::from(b'a' + ((state >> 16) % 26) as u8)
            })
            .collect();
        let view = SharedView { code, ..sample() };
        assert!(matches!(encode(&view), Err(ShareError::TooLarge { .. })));
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
        assert_eq!(decode("v2.***"), Err(ShareError::BadEncoding));
        assert_eq!(decode("v2.AAAA"), Err(ShareError::BadCompression));
        let fragment = encode(&sample()).unwrap();
        let truncated = &fragment[..fragment.len() - 6];
        assert!(matches!(
            decode(truncated),
            Err(ShareError::BadCompression | ShareError::BadEncoding)
        ));
        // A three-byte program that is not UTF-8, then seed, event and the two flags.
        assert_eq!(
            decode(&fragment_of(&[3, 0xff, 0xfe, 0x00, 1, 2, 0, 0])),
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
    fn decompression_bombs_stop_at_the_cap() {
        let bomb = fragment_of(&vec![b'a'; MAX_INFLATED_BYTES * 8]);
        assert!(bomb.len() < 10_000);
        assert_eq!(decode(&bomb), Err(ShareError::TooBigInflated));
    }
}
