//! Which screen is shown, and how it is written in the address.
//!
//! Screens live in the query string (`?screen=about`), never in the path or the fragment: the
//! path keeps the app working from any folder of any static host without rewrite rules, and the
//! fragment stays free for share links, which must never reach a server.

/// One screen of the app, as named in the navigation, or session mode, which is opened from
/// the Compare screen or a report and is not in the navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// The first screen: what the check is for and how to start.
    Home,
    /// Answering the questions of each section.
    Assessment,
    /// The readiness report.
    Report,
    /// Building a link that a coach sends ahead of a session.
    Coach,
    /// Several respondents' results side by side.
    Compare,
    /// Many partnerships' results at a glance, for TA providers and states.
    Portfolio,
    /// Where the questions come from, and credit to their authors.
    About,
    /// Session mode: the group (or one report) on a projector, one launch step at a time.
    Present,
}

impl Screen {
    /// Every screen: those of the navigation in its order, then session mode. Check
    /// [`Screen::in_navigation`] before listing one as a place to go.
    pub const ALL: [Screen; 8] = [
        Screen::Home,
        Screen::Assessment,
        Screen::Report,
        Screen::Coach,
        Screen::Compare,
        Screen::Portfolio,
        Screen::About,
        Screen::Present,
    ];

    /// Whether the main navigation lists the screen: Home is the product name's link, and
    /// session mode only makes sense from the group or report it presents.
    pub fn in_navigation(self) -> bool {
        !matches!(self, Screen::Home | Screen::Present)
    }

    /// The screen named by a query string such as `?screen=report&x=1`; anything unknown is
    /// the home screen, so a mistyped address still opens the app.
    pub fn from_query(query: &str) -> Screen {
        let query = query.strip_prefix('?').unwrap_or(query);
        query
            .split('&')
            .filter_map(|pair| pair.strip_prefix("screen="))
            .find_map(Screen::from_slug)
            .unwrap_or(Screen::Home)
    }

    fn from_slug(slug: &str) -> Option<Screen> {
        Screen::ALL.into_iter().find(|screen| screen.slug() == slug)
    }

    /// The short name used in the address.
    pub fn slug(self) -> &'static str {
        match self {
            Screen::Home => "home",
            Screen::Assessment => "assessment",
            Screen::Report => "report",
            Screen::Coach => "coach",
            Screen::Compare => "compare",
            Screen::Portfolio => "portfolio",
            Screen::About => "about",
            Screen::Present => "present",
        }
    }

    /// The relative address of the screen. Home is the bare folder, so the address a person
    /// bookmarks first stays short.
    pub fn href(self) -> String {
        match self {
            Screen::Home => "./".to_string(),
            other => format!("?screen={}", other.slug()),
        }
    }

    /// The name shown in the navigation and the browser tab.
    pub fn label(self) -> &'static str {
        match self {
            Screen::Home => "Start",
            Screen::Assessment => "Assessment",
            Screen::Report => "Report",
            Screen::Coach => "Coach",
            Screen::Compare => "Compare",
            Screen::Portfolio => "Portfolio",
            Screen::About => "About / Sources",
            Screen::Present => "Session mode",
        }
    }
}

/// Where the person is: the screen, and on the assessment and report screens which
/// assessment and which section. It is what the address's query string says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Address {
    /// The screen on show.
    pub screen: Screen,
    /// The open assessment's id on this device.
    pub assessment: Option<String>,
    /// The section of the assessment on show.
    pub section: Option<String>,
}

impl Address {
    /// The address of a screen, with nothing open.
    pub fn of(screen: Screen) -> Address {
        Address {
            screen,
            assessment: None,
            section: None,
        }
    }

    /// Reads a query string such as `?screen=assessment&id=a1&section=s3`. Values that could
    /// not be ids are ignored, so a tampered address opens the app rather than failing.
    pub fn from_query(query: &str) -> Address {
        let value = |name: &str| {
            let query = query.strip_prefix('?').unwrap_or(query);
            query
                .split('&')
                .filter_map(|pair| pair.split_once('='))
                .find(|(key, _)| *key == name)
                .map(|(_, value)| value.to_string())
                .filter(|value| is_id(value))
        };
        Address {
            screen: Screen::from_query(query),
            assessment: value("id"),
            section: value("section"),
        }
    }

    /// The relative address, as used in links and the history.
    pub fn href(&self) -> String {
        let mut href = self.screen.href();
        for (name, value) in [("id", &self.assessment), ("section", &self.section)] {
            if let Some(value) = value {
                let joiner = if href.contains('?') { '&' } else { '?' };
                href = format!("{href}{joiner}{name}={value}");
            }
        }
        href
    }
}

/// Ids of assessments and sections are short and plain; nothing else is read from an address.
fn is_id(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= 64
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::{Address, Screen};

    fn check(query: &str, expected: Screen) {
        assert_eq!(Screen::from_query(query), expected, "query {query:?}");
    }

    #[test]
    fn reads_the_screen_from_the_query() {
        check("", Screen::Home);
        check("?", Screen::Home);
        check("?screen=about", Screen::About);
        check("screen=report", Screen::Report);
        check("?utm=x&screen=compare", Screen::Compare);
        check("?screen=unknown", Screen::Home);
        check("?screen=", Screen::Home);
        check("?screens=about", Screen::Home);
        check("?screen=present&section=s3", Screen::Present);
    }

    #[test]
    fn session_mode_is_not_in_the_navigation() {
        let listed: Vec<Screen> = Screen::ALL
            .into_iter()
            .filter(|screen| screen.in_navigation())
            .collect();
        assert_eq!(
            listed,
            [
                Screen::Assessment,
                Screen::Report,
                Screen::Coach,
                Screen::Compare,
                Screen::Portfolio,
                Screen::About
            ]
        );
        let address = Address::from_query("?screen=present&id=a1&section=s3");
        assert_eq!(address.href(), "?screen=present&id=a1&section=s3");
    }

    #[test]
    fn reads_the_open_assessment_and_section() {
        let address = Address::from_query("?screen=assessment&id=a18f&section=s3");
        assert_eq!(address.screen, Screen::Assessment);
        assert_eq!(address.assessment.as_deref(), Some("a18f"));
        assert_eq!(address.section.as_deref(), Some("s3"));
        assert_eq!(Address::from_query(&address.href()[1..]), address);
        let hostile = Address::from_query("?screen=report&id=%3Cscript%3E&section=<b>");
        assert_eq!(hostile, Address::of(Screen::Report));
        let home = Address {
            screen: Screen::Home,
            assessment: Some("a1".into()),
            section: None,
        };
        assert_eq!(home.href(), "./?id=a1");
    }

    #[test]
    fn every_screen_survives_a_round_trip_through_its_address() {
        for screen in Screen::ALL {
            let href = screen.href();
            let query = href.strip_prefix("./").unwrap_or(&href);
            assert_eq!(Screen::from_query(query), screen);
        }
    }
}
