//! QR codes of share links, drawn as standalone SVG from the code's module matrix.
//!
//! The `qrcode` crate is used without its renderers (and so without `image`): the SVG is one
//! path of dark runs, written here, which keeps it small and free of an XML prolog, so the
//! app can place it in the page as it is.

use std::fmt::Write as _;

use qrcode::{Color, EcLevel, QrCode};

/// Modules of light margin around the code, as the QR standard asks.
const QUIET_ZONE: usize = 4;

/// Why a QR code could not be made.
#[derive(thiserror::Error, Debug, Clone, PartialEq, Eq)]
pub enum QrError {
    /// The text is longer than the largest QR code holds.
    #[error("This link is too long for a QR code ({bytes} bytes; a QR code holds at most 2,953). Share the link or the JSON file instead.")]
    TooLong {
        /// The text's length in bytes.
        bytes: usize,
    },
    /// The QR library refused the text for another reason.
    #[error("A QR code could not be made of this link ({detail}). Share the link or the JSON file instead.")]
    Unencodable {
        /// What the library said.
        detail: String,
    },
}

/// A QR code ready to draw: the side in modules (quiet zone included) and one SVG path of the
/// dark modules, so a view can draw it with its own SVG elements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrDrawing {
    /// The side of the square, in modules, quiet zone included.
    pub size: usize,
    /// The SVG path data of the dark modules, one unit per module.
    pub path: String,
}

/// The QR code of `text` as a standalone SVG: black modules on white, with a quiet zone, a
/// `viewBox` one unit per module and no fixed size, so it scales to its container.
///
/// Error correction is level M (15% of the code can be lost) when the text fits, and level L
/// for longer links, so that anything up to the largest QR code can be drawn.
pub fn qr_svg(text: &str) -> Result<String, QrError> {
    let QrDrawing { size, path } = qr_drawing(text)?;
    Ok(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" shape-rendering=\"crispEdges\">\
<rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/>\
<path fill=\"#000\" d=\"{path}\"/></svg>"
    ))
}

/// The QR code of `text` as a size and a path, for views that draw their own SVG.
pub fn qr_drawing(text: &str) -> Result<QrDrawing, QrError> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .or_else(|_| QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L))
        .map_err(|error| match error {
            qrcode::types::QrError::DataTooLong => QrError::TooLong { bytes: text.len() },
            other => QrError::Unencodable {
                detail: other.to_string(),
            },
        })?;
    let width = code.width();
    let colors = code.to_colors();
    let size = width + 2 * QUIET_ZONE;
    let mut path = String::new();
    for (y, row) in colors.chunks(width).enumerate() {
        let mut x = 0;
        while x < width {
            if row[x] == Color::Dark {
                let start = x;
                while x < width && row[x] == Color::Dark {
                    x += 1;
                }
                let run = x - start;
                let _ = write!(
                    path,
                    "M{} {}h{run}v1h-{run}z",
                    start + QUIET_ZONE,
                    y + QUIET_ZONE
                );
            } else {
                x += 1;
            }
        }
    }
    Ok(QrDrawing { size, path })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The golden share link of the full assessment with notes (the share link formats, which
    /// write it, sit above this crate).
    fn full_with_notes_link() -> &'static str {
        include_str!("../../core/golden/share-links-2026.3.txt")
            .lines()
            .find_map(|line| line.strip_prefix("full-with-notes "))
            .expect("the golden link")
            .trim()
    }

    #[test]
    fn a_share_link_becomes_a_standalone_svg() {
        let link = format!("https://example.org/readiness/#{}", full_with_notes_link());
        let svg = qr_svg(&link).expect("fits");
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "));
        assert!(svg.ends_with("</svg>"));
        assert!(svg.contains("fill=\"#fff\"") && svg.contains("fill=\"#000\""));
        // The viewBox leaves four light modules on each side of the code.
        let code = QrCode::with_error_correction_level(link.as_bytes(), EcLevel::M).expect("fits");
        let size = code.width() + 8;
        assert!(svg.contains(&format!("viewBox=\"0 0 {size} {size}\"")));
        assert!(!svg.contains("M0 "), "nothing dark in the quiet zone");
        // Every dark module is drawn exactly once.
        let dark = code
            .to_colors()
            .iter()
            .filter(|c| **c == Color::Dark)
            .count();
        let drawn: usize = svg
            .split("h")
            .skip(1)
            .filter_map(|part| part.split('v').next()?.parse::<usize>().ok())
            .sum();
        assert_eq!(drawn, dark);
    }

    #[test]
    fn text_too_long_for_any_qr_code_says_so() {
        assert_eq!(qr_svg(&"a".repeat(2_953)).map(|_| ()), Ok(()));
        assert_eq!(
            qr_svg(&"a".repeat(2_954)),
            Err(QrError::TooLong { bytes: 2_954 })
        );
        let message = QrError::TooLong { bytes: 5000 }.to_string();
        assert!(message.contains("JSON file"), "{message}");
        assert!(qr_svg("").is_ok());
    }
}
