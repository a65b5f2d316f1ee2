//! Offering a file to the user: text (a program, an SVG) as a Blob, or a data URL (a
//! canvas's PNG), through a temporary link clicked on the user's behalf.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Offers `url` (a blob: or data: URL) as the download `filename`.
pub fn offer_url(url: &str, filename: &str) {
    if let Ok(anchor) = document().create_element("a") {
        let anchor: web_sys::HtmlAnchorElement = anchor.unchecked_into();
        anchor.set_href(url);
        anchor.set_download(filename);
        anchor.click();
    }
}

/// Offers `text` of MIME type `mime` as the download `filename`.
pub fn offer_text(text: &str, mime: &str, filename: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let properties = web_sys::BlobPropertyBag::new();
    properties.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &properties) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    offer_url(&url, filename);
    let _ = web_sys::Url::revoke_object_url(&url);
}
