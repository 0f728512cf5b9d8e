//! The Markdown summary of a report, written to read just as well as plain text in an email.
//!
//! It uses headings, plain lists and short sentences only (no tables, no HTML), and puts the
//! person's own text on single lines so it cannot break the layout.

use std::fmt::Write as _;

use crate::answer::PitfallLevel;
use crate::bank::Phase;
use crate::report::{Report, ReportPart};
use crate::scoring::SectionScore;
use crate::CRATE_VERSION;

/// The privacy line every report ends with.
pub const PRIVACY_LINE: &str = "Answers stay on this device unless you share them.";

/// Puts a person's text on one line, so a stray newline or heading mark cannot reshape the
/// summary.
fn one_line(text: &str) -> String {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if joined.is_empty() {
        "(not given)".to_string()
    } else {
        joined
    }
}

/// A launch step as a line: its figures, as the report's "Launch steps in figures" shows
/// them.
fn section_line(score: &SectionScore<'_>) -> String {
    let figures = score.figures();
    format!(
        "- {}: {} ({}), {} answered. Gates: {}.",
        score.section.heading(),
        figures.band,
        figures.readiness,
        figures.answered,
        figures.gates
    )
}

impl Report<'_> {
    /// The report as Markdown that reads fine as plain text, crediting the core's version ([`crate::CRATE_VERSION`]).
    pub fn to_markdown(&self) -> String {
        self.to_markdown_with_app_version(CRATE_VERSION)
    }

    /// The report as Markdown, with the app's version in the footer.
    pub fn to_markdown_with_app_version(&self, app_version: &str) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail, so the results of `writeln!` are ignored.
        let meta = &self.assessment.meta;
        let title = if meta.name.trim().is_empty() {
            "Sector Partnership Readiness Check".to_string()
        } else {
            format!(
                "Sector Partnership Readiness Check: {}",
                one_line(&meta.name)
            )
        };
        let _ = writeln!(out, "# {title}\n");
        for (term, value) in self.assessed() {
            let _ = writeln!(out, "- {term}: {}", one_line(&value));
        }
        let _ = writeln!(
            out,
            "\n## {}\n\n{}",
            ReportPart::WhereYouAre.heading(),
            self.lead()
        );
        if let Some(line) = self.also_in_the_way() {
            let _ = writeln!(out, "\n{line}");
        }

        if let Some(line) = self.bank_line() {
            let _ = writeln!(out, "\n{line}");
        }

        let _ = writeln!(out, "\n## {}\n", ReportPart::NextSteps.heading());
        if let Some(line) = self.no_next_steps() {
            let _ = writeln!(out, "{line}");
        }
        for (i, item) in self.next_step_items().iter().enumerate() {
            let _ = writeln!(out, "{}. {}", i + 1, item.line());
        }

        let gate_lists = self.gate_lists();
        if !gate_lists.is_empty() {
            let _ = writeln!(out, "\n## {}\n", ReportPart::Gates.heading());
            for list in gate_lists {
                let _ = writeln!(out, "- {}: {}.", list.heading, list.gates.join("; "));
            }
        }

        let _ = writeln!(out, "\n## {}\n", ReportPart::StepFigures.heading());
        for score in self.launch_steps() {
            let _ = writeln!(out, "{}", section_line(score));
        }

        let _ = writeln!(out, "\n## {}\n", ReportPart::PhaseFigures.heading());
        let _ = writeln!(out, "{}\n", self.phases.sentence());
        for score in &self.phases.phases {
            let _ = writeln!(
                out,
                "- {}: {}",
                Phase::name(score.phase),
                score.agreement_text()
            );
        }
        if !self.phase_advice.is_empty() {
            let _ = writeln!(out, "\nFor this phase:\n");
            for question in &self.phase_advice {
                let _ = writeln!(out, "- {}", question.advice());
            }
        }

        let _ = writeln!(out, "\n## {}\n", ReportPart::Table.heading());
        let mut unanswered = Vec::new();
        for check in &self.table {
            let Some(actual) = check.actual else {
                unanswered.push(check.question.label());
                continue;
            };
            let _ = write!(
                out,
                "- {}: {}. Expected: {}. {}. Why: {}",
                check.question.label(),
                self.bank.answer_label(&actual),
                check.expected,
                check.verdict.label(),
                check.why
            );
            match check.advice {
                Some(advice) => {
                    let _ = writeln!(out, " Advice: {advice}");
                }
                None => out.push('\n'),
            }
        }
        if !unanswered.is_empty() {
            let _ = writeln!(out, "- Not answered yet: {}.", unanswered.join("; "));
        }

        let _ = writeln!(out, "\n## {}\n", ReportPart::Pitfalls.heading());
        if let Some(line) = self.nothing_in(ReportPart::Pitfalls) {
            let _ = writeln!(out, "{line}");
        }
        for flag in &self.pitfalls {
            let level = match flag.level {
                PitfallLevel::Yes => "Yes",
                PitfallLevel::ALittle => "A little",
                PitfallLevel::No => "No",
            };
            let _ = writeln!(
                out,
                "- ({level}) {} Tip: {}",
                flag.question.text(),
                flag.tip
            );
        }

        let _ = writeln!(out, "\n## {}\n", ReportPart::Strengths.heading());
        if let Some(line) = self.nothing_in(ReportPart::Strengths) {
            let _ = writeln!(out, "{line}");
        }
        for strength in &self.strengths {
            let _ = writeln!(
                out,
                "- Step {}: {} ({})",
                strength.section.step().unwrap_or_default(),
                strength.question.text(),
                self.bank.scales().scale(strength.answer)
            );
        }

        let _ = writeln!(out, "\n## {}\n", ReportPart::Gaps.heading());
        if let Some(line) = self.nothing_in(ReportPart::Gaps) {
            let _ = writeln!(out, "{line}");
        }
        for group in self.gap_groups() {
            let _ = writeln!(out, "{}:", group.heading);
            for item in &group.items {
                let _ = writeln!(out, "- {}", item.line());
            }
        }

        let _ = writeln!(out, "\n## {}\n", ReportPart::DontKnows.heading());
        if let Some(line) = self.nothing_in(ReportPart::DontKnows) {
            let _ = writeln!(out, "{line}");
        }
        if let Some(count) = self.dont_know_count() {
            let _ = writeln!(out, "{count}: discuss with your coach.\n");
            for question in &self.dont_knows {
                let _ = writeln!(out, "- {}", question.text());
            }
        }
        if !self.not_applicable.is_empty() {
            let _ = writeln!(
                out,
                "\n{} marked not applicable.",
                match self.not_applicable.len() {
                    1 => "1 question".to_string(),
                    n => format!("{n} questions"),
                }
            );
        }

        let _ = writeln!(out, "\n## {}\n", ReportPart::Notes.heading());
        if let Some(line) = self.nothing_in(ReportPart::Notes) {
            let _ = writeln!(out, "{line}");
        }
        for note in &self.notes {
            let _ = writeln!(
                out,
                "- {} Note: {}",
                note.question.text(),
                one_line(note.text)
            );
        }

        if !self.kept.is_empty() {
            let _ = writeln!(out, "\n## {}\n", ReportPart::Kept.heading());
            for kept in &self.kept {
                let answer = kept.answer_text(self.bank);
                let note = kept
                    .note
                    .map(|n| format!(" Note: {}", one_line(n)))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "- {} ({answer}).{note} {}",
                    kept.question.text(),
                    kept.question.note()
                );
            }
        }

        let _ = writeln!(out, "\n## {}\n", ReportPart::HelpAreas.heading());
        if let Some(line) = self.nothing_in(ReportPart::HelpAreas) {
            let _ = writeln!(out, "{line}");
        }
        for area in &self.ta_request.areas {
            let _ = writeln!(out, "- {}", area.label());
        }
        if !self.ta_request.text.is_empty() {
            let _ = writeln!(out, "\n{}", one_line(self.ta_request.text));
        }

        let _ = writeln!(out, "\n---\n");
        let credits: Vec<String> = self.bank.sources().iter().map(|s| s.credit()).collect();
        let _ = writeln!(out, "Sources: {}.", credits.join("; "));
        let _ = writeln!(
            out,
            "Sector Partnership Readiness Check {app_version}, question bank {}. {PRIVACY_LINE}",
            self.bank.version()
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::answer::{Answer, ScalePoint};
    use crate::assessment::Assessment;
    use crate::bank::Bank;
    use crate::report::report;

    #[test]
    fn the_summary_leads_with_where_you_are_and_ends_with_credits() {
        let bank = Bank::builtin();
        let mut a = Assessment::new(bank);
        a.meta.name = "Valley health care".into();
        a.meta.region = "North\nValley".into();
        a.set_answer("s1.convener", Answer::Scale(ScalePoint::NotYet));
        a.set_answer("s1.roles", Answer::DontKnow);
        a.set_note("s1.roles", "Ask the\n# college");
        let md = report(bank, &a).to_markdown_with_app_version("9.9.9");
        let where_at = md.find("## Where you are").unwrap();
        let steps_at = md.find("## Launch steps").unwrap();
        assert!(where_at < steps_at);
        assert!(md.contains(
            "You are at step 1, Build the regional support team and make the case. \
             Blocking: An agreed lead convener or co-conveners."
        ));
        assert!(md.contains("- Region: North Valley"), "{md}");
        assert!(md.contains("1 answer we don't know yet: discuss with your coach."));
        assert!(md.contains("Note: Ask the # college"));
        assert!(md.contains("Blocking gate. Step 1"));
        assert!(md.contains("Sector Partnership Readiness Check 9.9.9, question bank"));
        assert!(md.contains(super::PRIVACY_LINE));
        assert!(md.contains("How To Launch A Sector Partnership, TA Module 3, CWDC"));
        // No line may start with a heading mark except the summary's own headings.
        for line in md.lines().filter(|l| l.starts_with('#')) {
            assert!(
                line.starts_with("# Sector") || line.starts_with("## "),
                "{line}"
            );
        }
    }

    #[test]
    fn an_assessment_from_2026_1_says_so_in_one_line_and_lists_what_it_keeps() {
        let bank = Bank::builtin();
        let mut a = Assessment::new(bank);
        a.meta.bank_version = "2026.1".into();
        a.set_answer("table.convener-agreed", Answer::YesNo(true));
        let r = report(bank, &a);
        let new = bank.new_since("2026.1").count();
        assert_eq!(
            r.bank_line().as_deref(),
            Some(
                format!(
                    "Made with question bank 2026.1: {new} questions are new since then and \
                     unanswered; 1 answer to a question no longer asked is kept and listed."
                )
                .as_str()
            )
        );
        let md = r.to_markdown();
        assert!(md.contains("Made with question bank 2026.1"), "{md}");
        assert!(
            md.contains("## Answers to questions no longer asked"),
            "{md}"
        );
        assert!(report(bank, &Assessment::new(bank)).bank_line().is_none());
    }

    /// Who and what was assessed is decided once: the summary lists the report's rows, and
    /// answers given against another bank are named the way the group's table names them.
    #[test]
    fn the_summary_lists_who_and_what_as_the_report_shows_it() {
        let bank = Bank::builtin();
        let mut a = Assessment::new(bank);
        a.meta.region = "North\nValley".into();
        a.meta.bank_version = "2025.1".into();
        let r = report(bank, &a);
        let rows = r.assessed();
        assert_eq!(rows[0], ("Region", "North\nValley".to_string()));
        assert_eq!(rows[1], ("Industry sector", "Not given".to_string()));
        let other = bank.answered_with("2025.1").expect("another bank");
        assert_eq!(other, "answered question bank 2025.1");
        assert_eq!(
            rows[4],
            ("Question bank", format!("{} ({other})", bank.version()))
        );
        let md = r.to_markdown();
        for (term, value) in rows {
            assert!(
                md.contains(&format!("- {term}: {}", super::one_line(&value))),
                "{md}"
            );
        }
        assert!(bank.answered_with(bank.version()).is_none());
        assert!(bank.answered_with(" ").is_none());
        assert_eq!(
            report(bank, &Assessment::new(bank)).assessed()[4].1,
            bank.version()
        );
    }

    /// An empty part of the report says the same sentence on screen and in the summary: both
    /// read `Report::nothing_in`, and a phase nobody answered is "Not answered" in both.
    #[test]
    fn the_summary_says_what_is_empty_in_the_reports_words() {
        use crate::report::ReportPart;
        let bank = Bank::builtin();
        let empty = Assessment::new(bank);
        let r = report(bank, &empty);
        let md = r.to_markdown();
        let parts = [
            ReportPart::Pitfalls,
            ReportPart::Strengths,
            ReportPart::DontKnows,
            ReportPart::Notes,
            ReportPart::HelpAreas,
        ];
        for part in parts {
            let line = r.nothing_in(part).expect("nothing in an empty assessment");
            assert!(md.contains(&format!("\n{line}\n")), "{part:?}: {md}");
        }
        assert!(md.contains("- Forming: Not answered"), "{md}");
        assert_eq!(r.dont_know_count(), None);

        let mut a = Assessment::new(bank);
        a.set_answer("s1.roles", Answer::DontKnow);
        a.set_note("s1.roles", "Ask the college");
        let r = report(bank, &a);
        assert_eq!(r.nothing_in(ReportPart::DontKnows), None);
        assert_eq!(r.nothing_in(ReportPart::Notes), None);
        assert_eq!(
            r.dont_know_count().as_deref(),
            Some("1 answer we don't know yet")
        );
    }

    #[test]
    fn the_product_never_calls_itself_next_gen() {
        let bank = Bank::builtin();
        let md = report(bank, &Assessment::new(bank)).to_markdown();
        for line in md.lines().filter(|l| !l.starts_with("Sources:")) {
            assert!(!line.contains("Next Gen"), "{line}");
        }
    }

    #[test]
    fn a_coach_session_is_named_in_the_summary() {
        let bank = Bank::builtin();
        let mut a = Assessment::new(bank);
        a.coach = Some(crate::assessment::CoachSession {
            coach_name: "Dana".into(),
            session_name: "Module 3".into(),
            session_date: "2026-12-04".into(),
            scope: ["s2".to_string()].into(),
            ..Default::default()
        });
        let md = report(bank, &a).to_markdown();
        assert!(
            md.contains("- Coach's session: Module 3, 2026-12-04, Dana"),
            "{md}"
        );
        assert!(
            md.contains("- In scope: Step 2, Define the scope of industry focus"),
            "{md}"
        );
        assert!(!report(bank, &Assessment::new(bank))
            .to_markdown()
            .contains("Coach"));
    }
}
