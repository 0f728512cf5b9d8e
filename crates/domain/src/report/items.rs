//! The report's lists as every rendering shows them: the heading of each part, a gap or a
//! finding as one item (its tag, step, words, answer and what to do), and the gaps grouped by
//! step. The report's screen, its print and the Markdown summary all lay out these values, so
//! each sentence is decided here once.

use super::{Finding, Gap, NextStep, Report, ReportPart};
use crate::bank::Bank;

impl ReportPart {
    /// The part's heading, the same on screen, on paper and in the summary.
    pub fn heading(self) -> &'static str {
        match self {
            Self::WhereYouAre => "Where you are",
            Self::NextSteps => "Next steps",
            Self::Gates => "Gates",
            Self::StepChart => "The six launch steps",
            Self::StepFigures => "Launch steps in figures",
            Self::PhaseChart => "Partnership phase",
            Self::PhaseFigures => "Partnership phase in figures",
            Self::Table => "Who is at the table",
            Self::Pitfalls => "Pitfalls flagged",
            Self::Gaps => "Gaps and next steps, by step",
            Self::Strengths => "Strengths",
            Self::DontKnows => "Don't know yet: discuss with your coach",
            Self::Notes => "Notes",
            Self::Kept => "Answers to questions no longer asked",
            Self::HelpAreas => "Request for technical assistance",
        }
    }
}

/// What to do about an item: "Next step:" and the advice, or, for a gap that waits for a gate
/// its question takes for granted, "Waits for:" and that gate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemNext {
    /// "Next step:" or "Waits for:".
    pub lead: &'static str,
    /// The advice, or the gate waited for.
    pub text: String,
}

/// A gap or a finding as the report's lists show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportItem {
    /// "Blocking gate", "Gate to confirm", "Happening here", ...; none for a weak answer.
    pub tag: Option<&'static str>,
    /// The step the item belongs to, in lists that mix steps: "Step 2, Engage ...".
    pub step: Option<String>,
    /// The question, or the finding's words.
    pub what: String,
    /// The answer given, in words ("Not yet", "Not answered"), for a gap.
    pub answer: Option<String>,
    /// What to do.
    pub next: ItemNext,
    /// Whether the item is a gate that blocks a step (drawn apart).
    pub blocking: bool,
}

/// The gaps of one launch step, under its heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GapGroup {
    /// The step's heading: "Step 3, Prepare to launch".
    pub heading: String,
    /// Its gaps, in the report's order.
    pub items: Vec<ReportItem>,
}

/// Ends `text` with a full stop unless it already ends a sentence.
fn sentence(text: &str) -> String {
    let text = text.trim_end();
    if text.ends_with(['.', '!', '?']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

impl ReportItem {
    /// The item as one line of plain text, as the summary lists it: "Blocking gate. Step 1,
    /// Investigate: Who convenes? (Not yet). Next step: Find a convener."
    pub fn line(&self) -> String {
        let mut line = String::new();
        if let Some(tag) = self.tag {
            line.push_str(&sentence(tag));
            line.push(' ');
        }
        if let Some(step) = &self.step {
            line.push_str(step);
            line.push_str(": ");
        }
        match &self.answer {
            Some(answer) => line.push_str(&format!("{} ({answer}).", self.what)),
            None => line.push_str(&sentence(&self.what)),
        }
        line.push_str(&format!(
            " {} {}",
            self.next.lead,
            sentence(&self.next.text)
        ));
        line
    }
}

impl Gap<'_> {
    /// The gap as an item; `with_step` names its step, for lists that mix steps.
    pub fn item(&self, bank: &Bank, with_step: bool) -> ReportItem {
        let next = match self.waits_for {
            Some(gate) => ItemNext {
                lead: "Waits for:",
                text: gate.gate_label().to_string(),
            },
            None => ItemNext {
                lead: "Next step:",
                text: self.advice().to_string(),
            },
        };
        ReportItem {
            tag: self.kind.tag(),
            step: with_step.then(|| self.section.heading()),
            what: self.question.text().to_string(),
            answer: Some(self.answer_label(bank)),
            next,
            blocking: self.is_blocking(),
        }
    }
}

impl Finding<'_> {
    /// The finding as an item.
    pub fn item(&self) -> ReportItem {
        ReportItem {
            tag: Some(self.tag()),
            step: None,
            what: self.label.clone(),
            answer: None,
            next: ItemNext {
                lead: "Next step:",
                text: self.advice.to_string(),
            },
            blocking: false,
        }
    }
}

/// One list of the report's gates: its heading and the gates' labels, in bank order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GateList {
    /// "Blocking a step" or "To confirm before the session".
    pub heading: &'static str,
    /// The gates' short labels.
    pub gates: Vec<String>,
}

/// The advice of a who-is-at-the-table check, as the report lists it above the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableAdvice {
    /// "⚠ " for a check to act on, "Note: " for one outside a range the seed only suggests.
    pub tag: &'static str,
    /// The check's label.
    pub check: String,
    /// What to do.
    pub advice: String,
}

impl Report<'_> {
    /// The advice of the table checks: those to act on first, then the notes, each in bank
    /// order; a check without advice is left out.
    pub fn table_advice(&self) -> Vec<TableAdvice> {
        self.table_concerns()
            .chain(self.table_notes())
            .filter_map(|check| {
                Some(TableAdvice {
                    tag: if check.verdict.is_concern() {
                        "⚠ "
                    } else {
                        "Note: "
                    },
                    check: check.question.label().to_string(),
                    advice: check.advice?.to_string(),
                })
            })
            .collect()
    }

    /// The gates that block a step, then those to confirm, each list only when it has one;
    /// none when no gate is blocked or left to confirm.
    pub fn gate_lists(&self) -> Vec<GateList> {
        let labels = |gates: Vec<&crate::bank::Question>| -> Vec<String> {
            gates.iter().map(|q| q.gate_label().to_string()).collect()
        };
        [
            ("Blocking a step", labels(self.blocked_gates())),
            (
                "To confirm before the session",
                labels(self.gates_to_confirm()),
            ),
        ]
        .into_iter()
        .filter(|(_, gates)| !gates.is_empty())
        .map(|(heading, gates)| GateList { heading, gates })
        .collect()
    }

    /// The report's next steps as items, each naming its step.
    pub fn next_step_items(&self) -> Vec<ReportItem> {
        self.next_steps()
            .into_iter()
            .map(|next| match next {
                NextStep::Gap(gap) => gap.item(self.bank, true),
                NextStep::Finding(finding) => finding.item(),
            })
            .collect()
    }

    /// Every gap as an item, grouped under its step's heading in the report's order (the step
    /// you are at first).
    pub fn gap_groups(&self) -> Vec<GapGroup> {
        let mut groups: Vec<GapGroup> = Vec::new();
        for gap in &self.gaps {
            let heading = gap.section.heading();
            let item = gap.item(self.bank, false);
            match groups.last_mut() {
                Some(group) if group.heading == heading => group.items.push(item),
                _ => groups.push(GapGroup {
                    heading,
                    items: vec![item],
                }),
            }
        }
        groups
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::{Answer, ScalePoint};
    use crate::assessment::Assessment;
    use crate::report::report;

    /// Every launch-step question answered Not yet, Started or Done in turn.
    fn some_answers() -> Assessment {
        let bank = Bank::builtin();
        let mut assessment = Assessment::new(bank);
        let points = [ScalePoint::NotYet, ScalePoint::Started, ScalePoint::Done];
        let questions = bank.launch_steps().flat_map(|step| step.questions().iter());
        for (i, question) in questions.enumerate() {
            assessment.set_answer(question.id(), Answer::Scale(points[i % 3]));
        }
        assessment
    }

    #[test]
    fn every_gap_is_in_one_group_once_and_the_groups_keep_the_report_order() {
        let bank = Bank::builtin();
        let assessment = some_answers();
        let report = report(bank, &assessment);
        let groups = report.gap_groups();
        assert!(groups.len() >= 2, "the answers leave gaps in several steps");
        let items: Vec<_> = groups.iter().flat_map(|g| g.items.iter()).collect();
        assert_eq!(items.len(), report.gaps.len());
        for (item, gap) in items.iter().zip(&report.gaps) {
            assert_eq!(item.what, gap.question.text());
            assert_eq!(
                item.step, None,
                "a group names its step once, in its heading"
            );
        }
        let headings: Vec<_> = groups.iter().map(|g| g.heading.as_str()).collect();
        let mut unique = headings.clone();
        unique.dedup();
        assert_eq!(unique, headings, "no step is split in two groups");
        assert_eq!(
            groups[0].heading,
            report.gaps[0].section.heading(),
            "the first group is the step of the first gap"
        );
    }

    #[test]
    fn a_next_step_names_its_step_and_a_line_reads_as_sentences() {
        let bank = Bank::builtin();
        let assessment = some_answers();
        let report = report(bank, &assessment);
        let items = report.next_step_items();
        assert_eq!(items.len(), report.next_steps().len());
        assert!(!items.is_empty());
        for item in &items {
            let line = item.line();
            assert!(line.ends_with('.'), "{line}");
            assert!(!line.contains(".."), "{line}");
            assert!(line.contains(&item.what), "{line}");
            assert!(line.contains(item.next.lead), "{line}");
            if item.answer.is_some() {
                let step = item
                    .step
                    .as_deref()
                    .expect("a gap in the next steps names its step");
                assert!(line.contains(&format!("{step}: ")), "{line}");
            }
        }
    }

    #[test]
    fn a_gap_that_waits_for_a_gate_says_which_instead_of_its_advice() {
        let bank = Bank::builtin();
        let assessment = some_answers();
        let report = report(bank, &assessment);
        let waiting = report
            .gaps
            .iter()
            .find(|gap| gap.waits_for.is_some())
            .expect("a gap waits for a gate when the answers leave gates open");
        let item = waiting.item(bank, true);
        assert_eq!(item.next.lead, "Waits for:");
        assert_eq!(
            item.next.text,
            waiting.waits_for.expect("waits").gate_label()
        );
        let plain = report
            .gaps
            .iter()
            .find(|gap| gap.waits_for.is_none())
            .expect("a gap with advice");
        assert_eq!(plain.item(bank, false).next.text, plain.advice());
    }

    #[test]
    fn the_gate_lists_hold_every_gate_that_blocks_or_waits_to_be_confirmed() {
        let bank = Bank::builtin();
        let assessment = some_answers();
        let report = report(bank, &assessment);
        let lists = report.gate_lists();
        let blocked = report.blocked_gates().len();
        assert!(blocked > 0);
        assert_eq!(lists[0].heading, "Blocking a step");
        assert_eq!(lists[0].gates.len(), blocked);
        assert!(lists.iter().all(|list| !list.gates.is_empty()));
        let mut all_done = Assessment::new(bank);
        for question in bank.launch_steps().flat_map(|step| step.questions().iter()) {
            all_done.set_answer(question.id(), Answer::Scale(ScalePoint::Done));
        }
        assert_eq!(crate::report::report(bank, &all_done).gate_lists(), []);
    }

    #[test]
    fn the_table_advice_lists_the_checks_to_act_on_before_the_notes() {
        let bank = Bank::builtin();
        for assessment in [some_answers(), Assessment::new(bank)] {
            let report = report(bank, &assessment);
            let advice = report.table_advice();
            let with_advice = |check: &&crate::scoring::TableCheck<'_>| check.advice.is_some();
            let concerns = report.table_concerns().filter(with_advice).count();
            let notes = report.table_notes().filter(with_advice).count();
            assert_eq!(advice.len(), concerns + notes);
            assert!(advice[..concerns].iter().all(|a| a.tag == "⚠ "));
            assert!(advice[concerns..].iter().all(|a| a.tag == "Note: "));
        }
        let mut counted = Assessment::new(bank);
        let check = crate::scoring::table_checks(bank, &counted)
            .into_iter()
            .find(|check| matches!(check.question.kind(), crate::bank::QuestionKind::Count(_)))
            .expect("a count check")
            .question
            .id()
            .to_string();
        counted.set_answer(&check, Answer::Count(0));
        let report = report(bank, &counted);
        assert!(
            !report.table_advice().is_empty(),
            "no one counted at the table is a check to act on, with advice"
        );
    }

    #[test]
    fn every_part_has_its_own_heading() {
        let parts = [
            ReportPart::WhereYouAre,
            ReportPart::NextSteps,
            ReportPart::Gates,
            ReportPart::StepChart,
            ReportPart::StepFigures,
            ReportPart::PhaseChart,
            ReportPart::PhaseFigures,
            ReportPart::Table,
            ReportPart::Pitfalls,
            ReportPart::Gaps,
            ReportPart::Strengths,
            ReportPart::DontKnows,
            ReportPart::Notes,
            ReportPart::Kept,
            ReportPart::HelpAreas,
        ];
        let mut headings: Vec<_> = parts.iter().map(|part| part.heading()).collect();
        headings.sort_unstable();
        headings.dedup();
        assert_eq!(headings.len(), parts.len());
    }
}
