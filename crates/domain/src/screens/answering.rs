//! The answering screen: the sections a person answers (those in the coach's scope, then where
//! they want help), which one is on show and its neighbours, and the live score beside them,
//! with every line the score panel and the list of sections show.

use crate::assessment::{Assessment, CoachSession};
use crate::bank::{Bank, Phase, Question, Section, SectionKind};
use crate::scoring::{phase_profile, section_scores, Band, SectionScore, WhereYouAre};

/// The id of the last step of an assessment, where the region says where it wants help.
pub const HELP_STEP: &str = "help";

/// What the score panel says on the help step.
pub const HELP_STEP_SCORE: &str = "Choose the areas where you want help, then see your report.";

/// The steps of one assessment as the answering screen walks them: the bank's sections in the
/// coach's scope (all of them without a coach), then the help step. Made once per screen: a
/// coach's session never changes after the assessment starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Steps {
    /// The sections in scope, each with its index in the bank (the live score is in bank
    /// order).
    in_scope: Vec<(usize, &'static Section)>,
    /// The section a step not in scope falls back to.
    first: &'static str,
    /// True when the coach's scope left some sections out.
    limited: bool,
}

impl Steps {
    /// The steps of an assessment, started from this coach's session or none.
    pub fn new(bank: &'static Bank, coach: Option<&CoachSession>) -> Steps {
        let in_scope: Vec<(usize, &'static Section)> = bank
            .sections()
            .iter()
            .enumerate()
            .filter(|(_, section)| coach.is_none_or(|c| c.in_scope(section.id())))
            .collect();
        let first = in_scope
            .first()
            .map_or(bank.sections()[0].id(), |(_, s)| s.id());
        let limited = in_scope.len() < bank.sections().len();
        Steps {
            in_scope,
            first,
            limited,
        }
    }

    /// The sections in scope, in bank order, each with its index in the bank.
    pub fn sections(&self) -> &[(usize, &'static Section)] {
        &self.in_scope
    }

    /// What the coach's panel says under the message when the scope left sections out.
    pub fn scope_note(&self) -> Option<&'static str> {
        self.limited
            .then_some("Your coach asked for the sections listed here; the others are left out.")
    }

    /// The step on show when the address asks for `asked`: that section when it is in scope,
    /// or the help step; else the first section in scope.
    pub fn current(&self, asked: Option<&str>) -> String {
        asked
            .filter(|s| *s == HELP_STEP || self.in_scope.iter().any(|(_, x)| x.id() == *s))
            .unwrap_or(self.first)
            .to_string()
    }

    /// The steps before and after `current` among those in scope: the help step follows the
    /// last section, and leads back to it.
    pub fn neighbours(&self, current: &str) -> (Option<&'static str>, Option<&'static str>) {
        match self.in_scope.iter().position(|(_, s)| s.id() == current) {
            Some(at) => (
                at.checked_sub(1).map(|before| self.in_scope[before].1.id()),
                Some(self.in_scope.get(at + 1).map_or(HELP_STEP, |(_, s)| s.id())),
            ),
            None => (self.in_scope.last().map(|(_, s)| s.id()), None),
        }
    }
}

/// One section's live score, as the list of sections and the score panel show it; owned, so
/// it can live in a memo.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionLive {
    kind: SectionKind,
    answered: u32,
    total: u32,
    dont_know: u32,
    readiness: Option<u8>,
    coverage: u8,
    band: Option<Band>,
    blocked_by: Vec<&'static str>,
    /// Gates to confirm, named only once someone answered in the section.
    to_confirm: Vec<&'static str>,
}

/// Gate labels, in order.
fn labels(gates: &[&'static Question]) -> Vec<&'static str> {
    gates.iter().map(|q| q.gate_label()).collect()
}

impl SectionLive {
    fn of(score: &SectionScore<'static>) -> SectionLive {
        SectionLive {
            kind: score.section.kind(),
            answered: score.answered,
            total: score.total,
            dont_know: score.dont_know,
            readiness: score.readiness_pct(),
            coverage: score.coverage_pct(),
            band: score.band(),
            blocked_by: labels(&score.blocked_by),
            to_confirm: labels(score.gates_to_confirm()),
        }
    }

    /// The section's line in the list of sections: "3 of 5 answered, Developing, blocked".
    pub fn status(&self) -> String {
        let band = match (self.kind, self.band) {
            (SectionKind::Phases, _) | (_, None) => String::new(),
            (_, Some(band)) => format!(", {}", band.label()),
        };
        let gates = if !self.blocked_by.is_empty() {
            ", blocked"
        } else if !self.to_confirm.is_empty() {
            ", gate to confirm"
        } else {
            ""
        };
        format!("{} of {} answered{band}{gates}", self.answered, self.total)
    }

    /// The score panel's headline: readiness and band, or for the phase statements the
    /// phase leading so far.
    pub fn headline(&self, leading_phase: Option<&'static str>) -> String {
        match (self.kind, self.readiness, self.band) {
            (SectionKind::Phases, _, _) => match leading_phase {
                Some(phase) => format!("Leading phase so far: {phase}"),
                None => Phase::leading_words(None).to_string(),
            },
            (_, Some(pct), Some(band)) => format!("{pct}% · {}", band.label()),
            (_, _, Some(band)) => band.label().to_string(),
            _ => "No answers yet".to_string(),
        }
    }

    /// How much of the section is answered: "3 of 5 answered (60% coverage)".
    pub fn coverage_line(&self) -> String {
        format!(
            "{} of {} answered ({}% coverage)",
            self.answered, self.total, self.coverage
        )
    }

    /// The Don't know answers, when there are some, as something to take to the coach.
    pub fn dont_know_line(&self) -> Option<String> {
        (self.dont_know > 0).then(|| {
            format!(
                "{} answered Don't know: worth discussing with your coach.",
                self.dont_know
            )
        })
    }

    /// The gates that block the section, joined, when there are some.
    pub fn blocked(&self) -> Option<String> {
        (!self.blocked_by.is_empty()).then(|| self.blocked_by.join("; "))
    }

    /// The gates to confirm, joined, once someone answered in the section.
    pub fn to_confirm(&self) -> Option<String> {
        (!self.to_confirm.is_empty()).then(|| self.to_confirm.join("; "))
    }
}

/// Everything the answering screen shows that is computed from the answers, computed once per
/// change: each section's live score in bank order, where the partnership is, and the phase
/// leading so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Live {
    sections: Vec<SectionLive>,
    /// Where the partnership is, in a sentence.
    pub where_you_are: String,
    /// The phase leading so far, by name.
    pub leading_phase: Option<&'static str>,
}

impl Live {
    /// The live score of the section at this bank index; `None` for the help step.
    pub fn section(&self, index: usize) -> Option<&SectionLive> {
        self.sections.get(index)
    }

    /// Questions answered and asked over the steps in scope, and in words: "12 of 40
    /// questions answered".
    pub fn overall(&self, steps: &Steps) -> (u32, u32, String) {
        let (answered, total) = self.overall_counts(steps);
        let words = crate::assessment::questions_answered(answered as usize, total as usize);
        (answered, total, words)
    }

    fn overall_counts(&self, steps: &Steps) -> (u32, u32) {
        steps
            .in_scope
            .iter()
            .filter_map(|(at, _)| self.sections.get(*at))
            .fold((0, 0), |(a, t), s| (a + s.answered, t + s.total))
    }
}

/// The live score of an assessment, as the answering screen shows it.
pub fn live(bank: &'static Bank, assessment: &Assessment) -> Live {
    let scores = section_scores(bank, assessment);
    Live {
        sections: scores.iter().map(SectionLive::of).collect(),
        where_you_are: WhereYouAre::for_assessment(&scores, assessment).sentence(),
        leading_phase: phase_profile(bank, assessment).leading.map(|p| p.name()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::{Answer, ScalePoint};

    fn bank() -> &'static Bank {
        Bank::builtin()
    }

    fn coach(scope: &[&str]) -> CoachSession {
        CoachSession {
            coach_name: "Dana".into(),
            scope: scope.iter().map(|id| id.to_string()).collect(),
            ..Default::default()
        }
    }

    #[test]
    fn without_a_coach_every_section_is_answered_then_the_help_step() {
        let steps = Steps::new(bank(), None);
        assert_eq!(steps.sections().len(), bank().sections().len());
        assert_eq!(steps.scope_note(), None);
        assert_eq!(steps.current(None), "s1");
        assert_eq!(steps.current(Some("nowhere")), "s1");
        assert_eq!(steps.current(Some(HELP_STEP)), HELP_STEP);
        assert_eq!(steps.neighbours("s1"), (None, Some("s2")));
        assert_eq!(
            steps.neighbours("pitfalls"),
            (Some("table"), Some(HELP_STEP))
        );
        assert_eq!(steps.neighbours(HELP_STEP), (Some("pitfalls"), None));
    }

    /// A coach's scope limits the sections, the section an address may show and the way
    /// through them; the panel says that the others are left out.
    #[test]
    fn a_coach_scope_limits_the_sections_and_the_way_through_them() {
        let session = coach(&["s2", "s4"]);
        let steps = Steps::new(bank(), Some(&session));
        let ids: Vec<&str> = steps.sections().iter().map(|(_, s)| s.id()).collect();
        assert_eq!(ids, ["s2", "s4"]);
        // The bank index is kept: the live score is in bank order.
        assert_eq!(steps.sections()[1].0, 3);
        assert!(steps.scope_note().is_some());
        assert_eq!(steps.current(None), "s2");
        assert_eq!(steps.current(Some("s3")), "s2");
        assert_eq!(steps.current(Some("s4")), "s4");
        assert_eq!(steps.neighbours("s2"), (None, Some("s4")));
        assert_eq!(steps.neighbours("s4"), (Some("s2"), Some(HELP_STEP)));
        assert_eq!(steps.neighbours(HELP_STEP), (Some("s4"), None));
        // The overall count is over the sections in scope only.
        let mut a = Assessment::new(bank());
        a.set_answer("s1.roles", Answer::Scale(ScalePoint::Done));
        a.set_answer("s2.lmi", Answer::Scale(ScalePoint::Done));
        let in_scope =
            bank().sections()[1].questions().len() + bank().sections()[3].questions().len();
        assert_eq!(
            live(bank(), &a).overall(&steps),
            (
                1,
                in_scope as u32,
                format!("1 of {in_scope} questions answered")
            )
        );
    }

    /// A gate is to confirm only once someone answered in its section: before that the
    /// section is simply not started.
    #[test]
    fn a_gate_is_to_confirm_only_once_its_section_is_answered() {
        let mut a = Assessment::new(bank());
        let s2 = live(bank(), &a).section(1).cloned().expect("step 2");
        assert_eq!(s2.to_confirm(), None);
        assert_eq!(s2.status(), "0 of 11 answered, Not enough answers");
        assert_eq!(s2.headline(None), "Not enough answers");

        a.set_answer("s2.lmi", Answer::Scale(ScalePoint::Done));
        a.set_answer("s2.sequence", Answer::DontKnow);
        let s2 = live(bank(), &a).section(1).cloned().expect("step 2");
        assert!(s2.to_confirm().is_some());
        assert!(
            s2.status().ends_with(", gate to confirm"),
            "{}",
            s2.status()
        );
        assert_eq!(s2.coverage_line(), "2 of 11 answered (18% coverage)");
        assert_eq!(
            s2.dont_know_line().as_deref(),
            Some("1 answered Don't know: worth discussing with your coach.")
        );

        a.set_answer("s2.sectors", Answer::Scale(ScalePoint::NotYet));
        let s2 = live(bank(), &a).section(1).cloned().expect("step 2");
        assert!(s2.blocked().is_some());
        assert!(s2.status().ends_with(", blocked"), "{}", s2.status());
    }

    #[test]
    fn the_phase_statements_name_the_leading_phase_not_a_band() {
        let a = Assessment::new(bank());
        let at = bank()
            .sections()
            .iter()
            .position(|s| s.kind() == SectionKind::Phases)
            .expect("phase statements");
        let phases = live(bank(), &a).section(at).cloned().expect("phases");
        assert_eq!(phases.headline(None), "No clear phase yet");
        assert_eq!(
            phases.headline(Some("Storming")),
            "Leading phase so far: Storming"
        );
        assert!(!phases.status().contains("Not enough answers"));
        assert_eq!(live(bank(), &a).section(bank().sections().len()), None);
    }
}
