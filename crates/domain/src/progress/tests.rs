//! Tests of progress between two results: data-driven examples, then properties.

use proptest::prelude::*;

use super::*;
use crate::answer::{Agreement, PitfallLevel};
use crate::scoring::tests::{any_assessment, assessment, DONE, MOSTLY, NOT_YET, STARTED};

fn bank() -> &'static Bank {
    Bank::builtin()
}

const DK: Answer = Answer::DontKnow;
const NA: Answer = Answer::NotApplicable;

/// How one question's change is classified.
#[derive(Debug, PartialEq, Eq)]
enum Seen {
    Up(i8),
    Down(i8),
    Newly,
    NoLonger,
    Nothing,
}

/// One question answered `before` then `after` (`None`: unanswered) is classified as expected.
fn check(id: &str, before: Option<Answer>, after: Option<Answer>, expected: Seen) {
    let was = assessment(&before.map(|a| (id, a)).into_iter().collect::<Vec<_>>());
    let is = assessment(&after.map(|a| (id, a)).into_iter().collect::<Vec<_>>());
    let p = progress(bank(), &was, &is);
    let find = |moves: &[QuestionMove]| {
        moves
            .iter()
            .find(|m| m.question.id() == id)
            .map(|m| m.points)
    };
    let seen = if let Some(points) = find(&p.moved_up) {
        Seen::Up(points)
    } else if let Some(points) = find(&p.moved_down) {
        Seen::Down(points)
    } else if p.newly_answered.iter().any(|q| q.id() == id) {
        Seen::Newly
    } else if p.no_longer_answered.iter().any(|q| q.id() == id) {
        Seen::NoLonger
    } else {
        Seen::Nothing
    };
    assert_eq!(seen, expected, "{id}: {before:?} then {after:?}");
    let listed =
        p.moved_up.len() + p.moved_down.len() + p.newly_answered.len() + p.no_longer_answered.len();
    assert!(listed <= 1, "only {id} changed");
}

#[test]
fn answers_move_up_down_or_are_newly_answered() {
    use Seen::*;
    let q = "s2.lmi";
    check(q, Some(NOT_YET), Some(DONE), Up(3));
    check(q, Some(STARTED), Some(MOSTLY), Up(1));
    check(q, Some(DONE), Some(STARTED), Down(-2));
    check(q, Some(MOSTLY), Some(MOSTLY), Nothing);
    check(q, None, Some(STARTED), Newly);
    check(q, Some(DK), Some(DONE), Newly);
    check(q, Some(NA), Some(NOT_YET), Newly);
    // Still not known: not progress.
    check(q, None, Some(DK), Nothing);
    check(q, Some(DK), Some(NA), Nothing);
    check(q, None, None, Nothing);
    check(q, Some(DONE), None, NoLonger);
    check(q, Some(DONE), Some(DK), NoLonger);
    // An answer that does not fit is as good as none.
    check(q, Some(Answer::Count(3)), Some(DONE), Newly);
}

#[test]
fn every_kind_moves_towards_readiness() {
    use Seen::*;
    let agree = Answer::Agreement;
    check(
        "phase.forming.research",
        Some(agree(Agreement::Disagree)),
        Some(agree(Agreement::Agree)),
        Up(3),
    );
    check(
        "phase.forming.research",
        Some(agree(Agreement::SomewhatAgree)),
        Some(agree(Agreement::SomewhatDisagree)),
        Down(-1),
    );
    // A pitfall that stops happening is good news: it moves up.
    let pit = Answer::Pitfall;
    check(
        "pit.tension",
        Some(pit(PitfallLevel::Yes)),
        Some(pit(PitfallLevel::No)),
        Up(2),
    );
    check(
        "pit.tension",
        Some(pit(PitfallLevel::No)),
        Some(pit(PitfallLevel::ALittle)),
        Down(-1),
    );
    // Counts are not on a scale: they never move, but a first count is newly answered.
    check(
        "table.companies",
        Some(Answer::Count(10)),
        Some(Answer::Count(40)),
        Nothing,
    );
    check("table.companies", None, Some(Answer::Count(40)), Newly);
}

#[test]
fn moves_are_sorted_largest_first_then_in_bank_order() {
    let before = assessment(&[
        ("s1.shared-table", MOSTLY),
        ("s1.roles", NOT_YET),
        ("s2.lmi", STARTED),
        ("s3.who-asks", NOT_YET),
        ("s4.debrief", DONE),
        ("s5.mission", DONE),
        ("pit.tension", Answer::Pitfall(PitfallLevel::No)),
    ]);
    let after = assessment(&[
        ("s1.shared-table", DONE),
        ("s1.roles", MOSTLY),
        ("s2.lmi", STARTED),
        ("s3.who-asks", DONE),
        ("s4.debrief", MOSTLY),
        ("s5.mission", NOT_YET),
        ("pit.tension", Answer::Pitfall(PitfallLevel::Yes)),
    ]);
    let p = progress(bank(), &before, &after);
    let up: Vec<(&str, i8)> = p
        .moved_up
        .iter()
        .map(|m| (m.question.id(), m.points))
        .collect();
    assert_eq!(
        up,
        [("s3.who-asks", 3), ("s1.roles", 2), ("s1.shared-table", 1)]
    );
    let down: Vec<(&str, i8)> = p
        .moved_down
        .iter()
        .map(|m| (m.question.id(), m.points))
        .collect();
    assert_eq!(
        down,
        [("s5.mission", -3), ("pit.tension", -2), ("s4.debrief", -1)]
    );
    let first = &p.moved_up[0];
    assert_eq!((first.before, first.after), (NOT_YET, DONE));
    assert_eq!(first.section.id(), "s3");
}

#[test]
fn gates_are_cleared_or_blocked() {
    let gate = "s1.convener";
    let cases: [(Option<Answer>, Option<Answer>, bool, bool); 8] = [
        // Started blocks as Not yet does: the gate still holds the step.
        (Some(NOT_YET), Some(STARTED), false, false),
        (Some(NOT_YET), Some(DONE), true, false),
        // Don't know confirms nothing, so the gate is not cleared.
        (Some(NOT_YET), Some(DK), false, false),
        // Taking the answer back clears nothing: the gate is simply unanswered again.
        (Some(NOT_YET), None, false, false),
        (Some(STARTED), Some(NOT_YET), false, false),
        (None, Some(NOT_YET), false, true),
        (Some(NA), Some(NOT_YET), false, true),
        (Some(NOT_YET), Some(NOT_YET), false, false),
    ];
    for (before, after, cleared, blocked) in cases {
        let was = assessment(&before.map(|a| (gate, a)).into_iter().collect::<Vec<_>>());
        let is = assessment(&after.map(|a| (gate, a)).into_iter().collect::<Vec<_>>());
        let p = progress(bank(), &was, &is);
        let ids = |qs: &[&Question]| qs.iter().map(|q| q.id().to_string()).collect::<Vec<_>>();
        let expect = |yes: bool| if yes { vec![gate.to_string()] } else { vec![] };
        assert_eq!(
            ids(&p.gates_cleared),
            expect(cleared),
            "{before:?} then {after:?}"
        );
        assert_eq!(
            ids(&p.gates_blocked),
            expect(blocked),
            "{before:?} then {after:?}"
        );
        let blocks = |a: Option<Answer>| a == Some(NOT_YET) || a == Some(STARTED);
        assert_eq!(p.steps[0].blocked_before, blocks(before));
        assert_eq!(p.steps[0].blocked_after, blocks(after));
    }
    // A question that is not a gate is never cleared or blocked.
    let p = progress(
        bank(),
        &assessment(&[("s1.roles", NOT_YET)]),
        &assessment(&[("s1.roles", DONE)]),
    );
    assert!(p.gates_cleared.is_empty() && p.gates_blocked.is_empty());
}

/// Step 1's questions in order: shared-table, same-page, roles, convener (gate), core-partners,
/// supporters.
fn step1(answers: [Answer; 6]) -> Vec<(&'static str, Answer)> {
    bank()
        .section("s1")
        .expect("s1")
        .questions()
        .iter()
        .map(Question::id)
        .zip(answers)
        .collect()
}

/// Step 1 answered before and after, readiness before and after, and the change.
type StepCase = ([Answer; 6], [Answer; 6], u8, u8, i16);

#[test]
fn step_changes_carry_their_sign() {
    let (d, m, s, n) = (DONE, MOSTLY, STARTED, NOT_YET);
    let cases: [StepCase; 3] = [
        ([s, s, s, s, s, s], [d, d, d, d, d, d], 33, 100, 67),
        ([d, d, d, d, d, d], [m, m, m, n, m, m], 100, 55, -45),
        ([m, m, m, m, m, m], [m, m, m, m, m, m], 66, 66, 0),
    ];
    for (before, after, was, is, change) in cases {
        let p = progress(
            bank(),
            &assessment(&step1(before)),
            &assessment(&step1(after)),
        );
        let s1 = &p.steps[0];
        assert_eq!(s1.section.id(), "s1");
        assert_eq!(
            (s1.before, s1.after, s1.change),
            (Some(was), Some(is), Some(change))
        );
    }
    // Not enough answers on one side: no change to show.
    let p = progress(
        bank(),
        &assessment(&[("s1.roles", DONE)]),
        &assessment(&step1([d; 6])),
    );
    assert_eq!(
        (p.steps[0].before, p.steps[0].after, p.steps[0].change),
        (None, Some(100), None)
    );
    assert_eq!(p.steps.len(), 6);
    assert!(p.steps[1..].iter().all(|s| s.change.is_none()));
}

#[test]
fn where_you_are_and_the_phase_before_and_after() {
    // A phase leads once half its statements are answered and one is agreed with.
    let all_of = crate::scoring::tests::agree_with_all;
    let mut before_answers = all_of("phase.forming.");
    before_answers.push(("s1.convener", NOT_YET));
    let before = assessment(&before_answers);
    let mut after_answers = step1([DONE; 6]);
    after_answers.extend(all_of("phase.performing."));
    let after = assessment(&after_answers);
    let p = progress(bank(), &before, &after);
    assert!(p.where_before.sentence().starts_with("You are at step 1"));
    assert!(p.where_after.sentence().starts_with("You are at step 2"));
    assert_eq!(p.phase_before, Some(Phase::Forming));
    // Forming is now unanswered, so Performing leads.
    assert_eq!(p.phase_after, Some(Phase::Performing));
    assert_eq!(p.gates_cleared.len(), 1);
    assert!(!p.is_unchanged());
}

#[test]
fn answers_outside_the_bank_are_no_progress() {
    let before = assessment(&[("s9.old-question", NOT_YET)]);
    let after = assessment(&[("s9.old-question", DONE)]);
    assert!(progress(bank(), &before, &after).is_unchanged());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn progress_against_itself_is_empty(a in any_assessment()) {
        let p = progress(bank(), &a, &a);
        prop_assert!(p.is_unchanged());
        prop_assert!(p.steps.iter().all(|s| s.change.is_none_or(|c| c == 0)));
    }

    #[test]
    fn going_back_reverses_every_move(a in any_assessment(), b in any_assessment()) {
        let forward = progress(bank(), &a, &b);
        let back = progress(bank(), &b, &a);
        let ids = |moves: &[QuestionMove]| {
            let mut ids: Vec<(String, i8)> =
                moves.iter().map(|m| (m.question.id().to_string(), m.points)).collect();
            ids.sort();
            ids
        };
        let negated = |moves: &[QuestionMove]| {
            let mut ids: Vec<(String, i8)> =
                moves.iter().map(|m| (m.question.id().to_string(), -m.points)).collect();
            ids.sort();
            ids
        };
        prop_assert_eq!(ids(&forward.moved_up), negated(&back.moved_down));
        prop_assert_eq!(ids(&forward.moved_down), negated(&back.moved_up));
        prop_assert_eq!(&forward.newly_answered, &back.no_longer_answered);
        // Blocked going forward is cleared going back, except where the way back leaves
        // the gate unanswered, which clears nothing.
        prop_assert!(back.gates_cleared.iter().all(|q| forward.gates_blocked.contains(q)));
        for (f, b) in forward.steps.iter().zip(&back.steps) {
            prop_assert_eq!(f.change.map(|c| -c), b.change);
        }
        prop_assert!(forward.moved_up.iter().all(|m| m.points > 0));
        prop_assert!(forward.moved_down.iter().all(|m| m.points < 0));
    }
}

/// The progress screen's words come from the change itself: each step's change and gate, the
/// place and phase before and now, and each move.
#[test]
fn a_change_is_told_in_words() {
    let (d, s) = (DONE, STARTED);
    let p = progress(
        bank(),
        &assessment(&step1([s; 6])),
        &assessment(&step1([d; 6])),
    );
    assert_eq!(p.unchanged_line(), None);
    assert_eq!(p.steps[0].change_words(), "up 67 points");
    assert_eq!(p.steps[0].gate_words(), "block cleared");
    assert_eq!(p.steps[1].change_words(), "–");
    assert_eq!(p.steps[1].gate_words(), "");
    let [before, now] = p.where_lines();
    assert!(before.starts_with("Before: You are at step 1"), "{before}");
    assert!(now.starts_with("Now: "), "{now}");
    assert_eq!(
        p.phase_line(),
        "Leading phase before: No clear phase yet. Now: No clear phase yet."
    );
    let first = &p.moved_up[0];
    assert_eq!(
        first.words(bank()),
        format!("{}: Started → Done", first.question.label())
    );

    let same = assessment(&step1([d; 6]));
    let p = progress(bank(), &same, &same);
    assert_eq!(
        p.unchanged_line(),
        Some("Nothing changed between these two results.")
    );
}
