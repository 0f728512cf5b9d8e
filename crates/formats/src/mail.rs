//! Mail drafts: `mailto:` addresses that open the person's email program with a report's
//! summary and, when it fits, its share link. A format over the report's Markdown summary.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::link_types::URL_WARN_LENGTH;
use readiness_domain::assessment::is_email_address;

/// A `mailto:` address that opens an email draft to `to` (may be empty) with this subject
/// and body. Everything but the letters, digits and `-._~` is percent-encoded, so no text
/// can add recipients or headers; an address that is not one is left out.
pub fn mail_draft(to: &str, subject: &str, body: &str) -> String {
    let to = if is_email_address(to) {
        percent_encode(to).replace("%40", "@")
    } else {
        String::new()
    };
    format!(
        "mailto:{to}?subject={}&body={}",
        percent_encode(subject),
        percent_encode(&body.replace("\r\n", "\n").replace('\n', "\r\n"))
    )
}

/// A draft of one report to `to`: the subject names the assessment, the body is its summary,
/// then its share link when the link is short enough for mail programs to keep whole.
pub fn report_draft(to: &str, subject: &str, name: &str, summary: &str, share_url: &str) -> String {
    let link = if share_url.len() <= URL_WARN_LENGTH {
        format!("\n\nShare link (opens the whole report): {share_url}")
    } else {
        "\n\nThe share link is too long for email; the JSON file will follow.".to_string()
    };
    mail_draft(
        to,
        &format!("{subject}: {name}"),
        &format!("{summary}{link}"),
    )
}

/// Everything but the letters, digits and `-._~` (RFC 3986's unreserved characters).
const NOT_UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

fn percent_encode(text: &str) -> String {
    utf8_percent_encode(text, NOT_UNRESERVED).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mail_draft_cannot_gain_recipients_or_headers() {
        let draft = mail_draft(
            "coach@example.org",
            "Results & more",
            "Line one\nLine two?cc=x@y.org",
        );
        assert_eq!(
            draft,
            "mailto:coach@example.org?subject=Results%20%26%20more\
             &body=Line%20one%0D%0ALine%20two%3Fcc%3Dx%40y.org"
        );
        assert!(mail_draft("a@b.org?bcc=c@d.org", "s", "b").starts_with("mailto:?subject="));
        assert!(mail_draft("", "s", "b").starts_with("mailto:?subject=s&body=b"));
    }

    #[test]
    fn a_report_draft_carries_its_link_only_when_mail_programs_keep_it_whole() {
        let short = report_draft(
            "",
            "Readiness report",
            "North",
            "# Summary",
            "https://x.org/#s=AB",
        );
        assert!(
            short.starts_with("mailto:?subject=Readiness%20report%3A%20North&body=%23%20Summary")
        );
        assert!(short.contains("https%3A%2F%2Fx.org%2F%23s%3DAB"));
        let long_url = format!("https://x.org/#s={}", "A".repeat(URL_WARN_LENGTH));
        let long = report_draft("", "Readiness report", "North", "# Summary", &long_url);
        assert!(!long.contains("AAAA"));
        assert!(long.contains("too%20long%20for%20email"));
    }
}
