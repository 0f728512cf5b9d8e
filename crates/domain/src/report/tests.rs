//! Tests of the report: three fictional partnerships read as a coach would, then the rules
//! for gaps, strengths, pitfalls and what is ignored.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;
use crate::assessment::Edit;
use crate::bank::QuestionKind;

fn bank() -> &'static Bank {
    Bank::builtin()
}

#[test]
fn gaps_come_by_step_from_where_you_are_gates_first_then_the_weakest_answers() {
    let mut a = Assessment::new(bank());
    a.set_answer("s2.sectors", Answer::Scale(ScalePoint::Started));
    a.set_answer("s2.lmi", Answer::Scale(ScalePoint::NotYet));
    a.set_answer("s3.ceo-champions", Answer::Scale(ScalePoint::Started));
    a.set_answer("s4.shared-priorities", Answer::Scale(ScalePoint::NotYet));
    a.set_answer("s1.roles", Answer::Scale(ScalePoint::Started));
    let r = report(bank(), &a);
    let gaps: Vec<(&str, bool)> = r
        .gaps
        .iter()
        .map(|g| (g.question.id(), g.is_blocking()))
        .collect();
    assert_eq!(
        gaps,
        [
            // Step 1, where the partnership is: its gate to confirm, then its weak answer.
            ("s1.convener", false),
            ("s1.roles", false),
            // Step 2's gate is its agreed sector: Started blocks it.
            ("s2.sectors", true),
            ("s2.lmi", false),
            // Started on a gate blocks its step.
            ("s3.ceo-champions", true),
            ("s4.shared-priorities", true),
        ]
    );
}

#[test]
fn notes_dont_knows_and_help_requests_come_in_bank_order() {
    let mut a = Assessment::new(bank());
    a.set_note("s3.date-place", "Hosted by Acme, 12 May");
    a.set_note("s1.roles", "  Roles drafted  ");
    a.set_answer("s6.home", Answer::DontKnow);
    a.set_answer("s1.roles", Answer::DontKnow);
    a.set_help_area("facilitation", true);
    a.set_help_area("support-team", true);
    a.ta_request.text = " Help with the launch agenda ".into();
    let r = report(bank(), &a);
    let notes: Vec<(&str, &str)> = r.notes.iter().map(|n| (n.question.id(), n.text)).collect();
    assert_eq!(
        notes,
        [
            ("s1.roles", "Roles drafted"),
            ("s3.date-place", "Hosted by Acme, 12 May")
        ]
    );
    let dk: Vec<&str> = r.dont_knows.iter().map(|q| q.id()).collect();
    assert_eq!(dk, ["s1.roles", "s6.home"]);
    let areas: Vec<&str> = r.ta_request.areas.iter().map(|h| h.id()).collect();
    assert_eq!(areas, ["support-team", "facilitation"]);
    assert_eq!(r.ta_request.text, "Help with the launch agenda");
    assert!(r
        .to_markdown()
        .contains("2 answers we don't know yet: discuss with your coach."));
}

#[test]
fn what_the_bank_cannot_place_is_listed_not_lost() {
    let mut a = Assessment::new(bank());
    a.set_answer("s9.retired", Answer::Scale(ScalePoint::Done));
    a.set_answer("s1.roles", Answer::Count(4));
    a.set_note("s9.retired", "old note");
    a.set_help_area("astrology", true);
    let r = report(bank(), &a);
    let ignored: Vec<(&str, IgnoredReason)> = r.ignored.iter().map(|i| (i.id, i.reason)).collect();
    assert_eq!(
        ignored,
        [
            ("s1.roles", IgnoredReason::WrongKind),
            ("s9.retired", IgnoredReason::UnknownQuestion),
            ("s9.retired", IgnoredReason::UnknownNote),
            ("astrology", IgnoredReason::UnknownHelpArea),
        ]
    );
    assert_eq!(r.section("s1").map(|s| s.answered), Some(0));
}

/// A person's edits to the answers, as the app sends them (`Edit`, applied with
/// `Assessment::apply`): the same question may be answered several times, changed, taken back
/// and answered again.
fn any_answer_edits() -> impl Strategy<Value = Vec<Edit>> {
    // A few questions only, so most sequences come back to a question more than once.
    let questions: Vec<&Question> = bank().questions().step_by(7).collect();
    proptest::collection::vec(
        (proptest::sample::select(questions), any::<u32>(), 0u8..5),
        0..40,
    )
    .prop_map(|edits| {
        edits
            .into_iter()
            .map(|(q, pick, kind)| {
                let question = q.id().to_string();
                if kind == 0 {
                    return Edit::ClearAnswer { question };
                }
                let choices = bank().choices(q);
                let answer = match q.kind() {
                    QuestionKind::Count(_) if pick % 3 == 0 => Answer::Count(pick % 50),
                    _ => choices[pick as usize % choices.len()].answer,
                };
                Edit::SetAnswer { question, answer }
            })
            .collect()
    })
}

fn edited_question(edit: &Edit) -> &str {
    match edit {
        Edit::SetAnswer { question, .. } | Edit::ClearAnswer { question } => question,
        _ => unreachable!("only answers are edited here"),
    }
}

/// The same edits in another order: the edits to one question keep their order among
/// themselves, and edits to different questions are interleaved by `keys`.
fn interleaved_otherwise(edits: &[Edit], keys: &[u32]) -> Vec<Edit> {
    let mut order: Vec<usize> = (0..edits.len()).collect();
    order.sort_by_key(|&i| keys[i]);
    // Each question's own edits, in the order they were made.
    let mut own: BTreeMap<&str, std::vec::IntoIter<usize>> = BTreeMap::new();
    let mut by_question: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, edit) in edits.iter().enumerate() {
        by_question
            .entry(edited_question(edit))
            .or_default()
            .push(i);
    }
    for (question, places) in by_question {
        own.insert(question, places.into_iter());
    }
    // Where the shuffle put an edit to a question, the next of that question's edits goes.
    order
        .iter()
        .map(|&i| {
            let question = edited_question(&edits[i]);
            let next = own.get_mut(question).and_then(Iterator::next);
            edits[next.expect("as many places as edits")].clone()
        })
        .collect()
}

proptest! {
    #[test]
    fn edits_to_different_questions_commute_and_the_last_answer_to_a_question_wins(
        (edits, keys) in any_answer_edits().prop_flat_map(|e| {
            let n = e.len();
            (Just(e), proptest::collection::vec(any::<u32>(), n))
        })
    ) {
        let apply_all = |edits: &[Edit]| {
            let mut a = Assessment::new(bank());
            for edit in edits {
                a.apply(edit);
            }
            a
        };
        let other_order = interleaved_otherwise(&edits, &keys);
        let (first, second) = (apply_all(&edits), apply_all(&other_order));

        // What the person last said to each question, worked out without the assessment.
        let mut last: BTreeMap<String, Option<Answer>> = BTreeMap::new();
        for edit in &edits {
            match edit {
                Edit::SetAnswer { question, answer } => last.insert(question.clone(), Some(*answer)),
                Edit::ClearAnswer { question } => last.insert(question.clone(), None),
                _ => unreachable!(),
            };
        }
        let expected: BTreeMap<String, Answer> = last
            .into_iter()
            .filter_map(|(q, a)| a.map(|a| (q, a)))
            .collect();
        prop_assert_eq!(first.answers(), &expected);
        prop_assert_eq!(second.answers(), &expected);

        let mut direct = Assessment::new(bank());
        for (question, answer) in &expected {
            direct.set_answer(question.clone(), *answer);
        }
        let (r1, r2, r3) = (report(bank(), &first), report(bank(), &second), report(bank(), &direct));
        prop_assert_eq!(&r1, &r2);
        prop_assert_eq!(&r1, &r3);
        prop_assert_eq!(r1.to_markdown(), r2.to_markdown());
    }
}

/// Random answers; with `launched`, every launch step answered Done first, so the rest (the
/// phases, the table, the pitfalls, a few steps) decides whether anything still stands.
fn any_partnership() -> impl Strategy<Value = Assessment> {
    (crate::scoring::tests::any_assessment(), any::<bool>()).prop_map(|(random, launched)| {
        let mut a = Assessment::new(bank());
        if launched {
            for q in bank().launch_steps().flat_map(Section::questions) {
                a.set_answer(q.id(), Answer::Scale(ScalePoint::Done));
            }
        }
        for (id, answer) in random.answers() {
            // Over a launched partnership, only the other sections and one step in six vary.
            let varies = !launched
                || bank().section_of(id).and_then(Section::step).is_none()
                || id.len() % 6 == 0;
            if varies {
                a.set_answer(id.to_string(), *answer);
            }
        }
        a
    })
}

proptest! {
    #[test]
    fn nothing_is_blocking_is_never_said_while_anything_stands(a in any_partnership()) {
        let r = report(bank(), &a);
        let lead = r.lead();
        let says_clear = lead.contains("nothing is blocking")
            || lead.contains("is sustaining its work")
            || r.no_next_steps() == Some("Nothing is blocking and no answer is weak.");
        if says_clear {
            prop_assert!(r.findings.is_empty(), "{lead}: {:?}", r.also_in_the_way());
            prop_assert!(r.blocked_gates().is_empty() && r.gates_to_confirm().is_empty(), "{lead}");
            prop_assert!(r.also_in_the_way().is_none());
        }
        // A finding that stands is always on the first page.
        prop_assert_eq!(r.findings.is_empty(), r.also_in_the_way().is_none());
    }

    #[test]
    fn no_next_step_presupposes_a_gate_that_is_not_met(a in any_partnership()) {
        let r = report(bank(), &a);
        for next in r.next_steps() {
            let NextStep::Gap(gap) = next else { continue };
            if let Some(gate) = gap.question.presupposes().and_then(|id| bank().question(id)) {
                prop_assert_eq!(
                    crate::scoring::gate_status(gate, &a),
                    Some(crate::scoring::GateStatus::Met),
                    "{} is proposed while {} is not met",
                    gap.question.id(),
                    gate.id()
                );
            }
        }
    }
}

proptest! {
    /// The step chart's words and the steps in figures read a step's gates the same way:
    /// blocked in one is blocked in the other, a gate to confirm in one is one in the other,
    /// and a step nobody answered is assessed in neither.
    #[test]
    fn the_step_chart_and_the_steps_in_figures_agree(a in any_partnership()) {
        let r = report(bank(), &a);
        let md = r.to_markdown();
        for step in r.launch_steps() {
            let (chart, figures) = (step.chart_words(), step.gate_words());
            // The table and the summary show the same figures.
            prop_assert_eq!(&step.figures().gates, &figures);
            prop_assert!(md.contains(&format!("{}: {} (", step.section.heading(), step.figures().band)), "{}", md);
            prop_assert!(md.contains(&format!("Gates: {figures}.")), "{}", md);
            let heading = step.section.heading();
            prop_assert_eq!(chart.starts_with("Blocked"), figures.starts_with("Blocked: "), "{}: {} / {}", heading, chart, figures);
            prop_assert_eq!(chart.starts_with("Held: a gate to confirm"), figures.starts_with("To confirm: "), "{}: {} / {}", heading, chart, figures);
            if step.answered == 0 {
                prop_assert_eq!(&chart, "Not enough answers");
                prop_assert_eq!(&figures, "Not answered yet");
            }
            if figures == "Met" {
                prop_assert!(step.answered > 0 && !step.is_held(), "{}", heading);
            }
        }
    }
}

/// A step nobody has answered is not described as if assessed: not "Met", no gate to
/// confirm, in the chart, the figures or where you are; once someone answers there, its
/// unanswered gates are to confirm in both.
#[test]
fn a_step_nobody_answered_is_not_described_as_assessed() {
    let mut a = Assessment::new(bank());
    for q in bank().sections()[0].questions() {
        a.set_answer(q.id(), Answer::Scale(ScalePoint::Done));
    }
    let r = report(bank(), &a);
    let step2 = r.launch_steps().nth(1).expect("a second step");
    assert!(step2.gates_to_confirm().is_empty());
    assert_eq!(step2.gate_state(), crate::scoring::GateState::NotAnswered);
    assert_eq!(step2.chart_words(), "Not enough answers");
    assert_eq!(step2.gate_words(), "Not answered yet");

    a.set_answer("s2.lmi", Answer::Scale(ScalePoint::Done));
    let r = report(bank(), &a);
    let step2 = r.launch_steps().nth(1).expect("a second step");
    assert_eq!(step2.gate_state(), crate::scoring::GateState::ToConfirm);
    assert_eq!(step2.chart_words(), "Held: a gate to confirm (100%)");
    assert!(
        step2.gate_words().starts_with("To confirm: "),
        "{}",
        step2.gate_words()
    );
}

#[test]
fn a_percentage_cell_reads_as_a_number_or_a_dash() {
    assert_eq!(crate::scoring::percent_text(Some(75)), "75%");
    assert_eq!(crate::scoring::percent_text(Some(0)), "0%");
    assert_eq!(crate::scoring::percent_text(None), "–");
}

#[test]
fn the_report_is_titled_by_its_name_and_counts_its_table_checks() {
    let mut a = Assessment::new(bank());
    assert_eq!(report(bank(), &a).title(), "Readiness report");
    a.meta.name = "  North Valley health  ".into();
    let r = report(bank(), &a);
    assert_eq!(r.title(), "Readiness report: North Valley health");
    let unknown = r
        .table
        .iter()
        .filter(|c| c.verdict == crate::scoring::Verdict::Unknown)
        .count();
    assert_eq!(
        r.table_line(),
        format!("0 check(s) to act on, 0 note(s), {unknown} not known yet.")
    );
}
