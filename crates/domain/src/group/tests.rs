//! Tests of the group view: data-driven examples of each rule, the CSV and JSON files, then
//! properties over random respondents.

use proptest::prelude::*;

use super::*;
// The group's files are tested here with the view they are made from.
use crate::answer::{Agreement, ScalePoint};
use crate::samples::respondent;
use crate::scoring::tests::any_assessment;

fn bank() -> &'static Bank {
    Bank::builtin()
}

/// Respondents named A, B, C, ... each giving the listed answers (`None`: unanswered).
fn respondents(answers: &[&[(&str, Answer)]]) -> Vec<Respondent> {
    answers
        .iter()
        .zip('A'..)
        .map(|(answers, label)| respondent(&label.to_string(), answers))
        .collect()
}

fn row<'v, 'a>(view: &'v GroupView<'a>, id: &str) -> Option<&'v QuestionRow<'a>> {
    view.questions.iter().find(|row| row.question.id() == id)
}

const DONE: Answer = Answer::Scale(ScalePoint::Done);
const MOSTLY: Answer = Answer::Scale(ScalePoint::Mostly);
const STARTED: Answer = Answer::Scale(ScalePoint::Started);
const NOT_YET: Answer = Answer::Scale(ScalePoint::NotYet);
const DK: Answer = Answer::DontKnow;
const NA: Answer = Answer::NotApplicable;

/// What one question's row should say.
struct Expected {
    disagreement: bool,
    mean: Option<f32>,
    min: Option<u8>,
    max: Option<u8>,
}

/// Each respondent answers `id` (or leaves it unanswered) and the row is checked.
fn check(id: &str, answers: &[Option<Answer>], expected: Expected) {
    let people: Vec<Respondent> = answers
        .iter()
        .enumerate()
        .map(|(at, answer)| {
            let given: Vec<(&str, Answer)> = answer.iter().map(|a| (id, *a)).collect();
            respondent(&format!("R{at}"), &given)
        })
        .collect();
    let view = group_view(bank(), &people);
    let row = row(&view, id).unwrap_or_else(|| panic!("{id} has a row for {answers:?}"));
    assert_eq!(row.answers, answers, "{id}");
    assert_eq!(
        row.disagreement, expected.disagreement,
        "{id} {answers:?}: disagreement"
    );
    assert_eq!(row.mean, expected.mean, "{id} {answers:?}: mean");
    assert_eq!(row.min, expected.min, "{id} {answers:?}: min");
    assert_eq!(row.max, expected.max, "{id} {answers:?}: max");
}

fn flagged(mean: f32, min: u8, max: u8) -> Expected {
    Expected {
        disagreement: true,
        mean: Some(mean),
        min: Some(min),
        max: Some(max),
    }
}

fn agreed(mean: f32, min: u8, max: u8) -> Expected {
    Expected {
        disagreement: false,
        mean: Some(mean),
        min: Some(min),
        max: Some(max),
    }
}

/// Nothing on a scale: no mean, no range, no disagreement.
const NO_SCALE: Expected = Expected {
    disagreement: false,
    mean: None,
    min: None,
    max: None,
};

#[test]
fn two_points_apart_is_a_disagreement_and_one_point_is_not() {
    let q = "s1.convener";
    check(q, &[Some(DONE), Some(STARTED)], flagged(2.0, 1, 3));
    check(q, &[Some(DONE), Some(MOSTLY)], agreed(2.5, 2, 3));
    check(q, &[Some(DONE), Some(NOT_YET)], flagged(1.5, 0, 3));
    check(
        q,
        &[Some(MOSTLY), Some(MOSTLY), Some(MOSTLY)],
        agreed(2.0, 2, 2),
    );
    // One person far apart from two others is still a disagreement, never averaged away.
    check(
        q,
        &[Some(DONE), Some(DONE), Some(STARTED)],
        flagged(7.0 / 3.0, 1, 3),
    );
    // Don't know and Not applicable are shown but never count.
    check(q, &[Some(DONE), Some(DK), Some(NA)], agreed(3.0, 3, 3));
    check(
        q,
        &[Some(DONE), Some(DK), Some(NOT_YET)],
        flagged(1.5, 0, 3),
    );
    check(q, &[Some(DK), Some(NA)], NO_SCALE);
    check(q, &[Some(DK), Some(DK)], NO_SCALE);
    // Unanswered is neither.
    check(q, &[Some(DONE), None, Some(MOSTLY)], agreed(2.5, 2, 3));
}

#[test]
fn a_single_respondent_never_disagrees() {
    check("s1.convener", &[Some(NOT_YET)], agreed(0.0, 0, 0));
    check("s1.convener", &[Some(DK)], NO_SCALE);
    check("table.companies", &[Some(Answer::Count(400))], NO_SCALE);
    check("s1.convener", &[Some(DONE), None, None], agreed(3.0, 3, 3));
}

#[test]
fn each_kind_has_its_scale_positions() {
    use Agreement::*;
    let q = "phase.forming.research";
    let agree = |a| Some(Answer::Agreement(a));
    check(
        q,
        &[agree(Agree), agree(SomewhatDisagree)],
        flagged(2.0, 1, 3),
    );
    check(q, &[agree(Agree), agree(SomewhatAgree)], agreed(2.5, 2, 3));

    let q = "pit.understaffing";
    let pit = |l| Some(Answer::Pitfall(l));
    check(
        q,
        &[pit(PitfallLevel::Yes), pit(PitfallLevel::No)],
        flagged(1.0, 0, 2),
    );
    check(
        q,
        &[pit(PitfallLevel::Yes), pit(PitfallLevel::ALittle)],
        agreed(1.5, 1, 2),
    );

    // A yes/no answer spans one position, so Yes beside No is never a disagreement (bank
    // 2026.2 asks no yes/no question any more; the positions stay for other banks).
    assert_eq!(scale_position(Answer::YesNo(true)), Some(1));
    assert_eq!(scale_position(Answer::YesNo(false)), Some(0));

    assert_eq!(scale_position(Answer::Count(7)), None);
    assert_eq!(scale_position(DK), None);
    assert_eq!(scale_position(NA), None);
    assert_eq!(
        ScalePoint::ALL.map(|p| scale_position(Answer::Scale(p))),
        [Some(0), Some(1), Some(2), Some(3)]
    );
}

#[test]
fn counts_disagree_when_their_verdicts_differ() {
    let count = |n| Some(Answer::Count(n));
    // table.companies expects 12 to 60.
    let q = "table.companies";
    check(q, &[count(20), count(30)], NO_SCALE);
    let within_and_above = Expected {
        disagreement: true,
        ..NO_SCALE
    };
    check(q, &[count(20), count(70)], within_and_above);
    check(
        q,
        &[count(5), count(70)],
        Expected {
            disagreement: true,
            ..NO_SCALE
        },
    );
    // Both above the range: different numbers, the same verdict.
    check(q, &[count(80), count(100)], NO_SCALE);
    check(q, &[count(20), Some(DK), Some(NA), None], NO_SCALE);
    // table.ceos has no range: it is only recorded, so never a disagreement.
    check("table.ceos", &[count(2), count(20)], NO_SCALE);

    // table.core-team expects 6 to 12 and no more than the respondent's own CEO count.
    let people = respondents(&[
        &[
            ("table.core-team", Answer::Count(8)),
            ("table.ceos", Answer::Count(10)),
        ],
        &[
            ("table.core-team", Answer::Count(8)),
            ("table.ceos", Answer::Count(5)),
        ],
    ]);
    let view = group_view(bank(), &people);
    let core = row(&view, "table.core-team").expect("row");
    assert!(core.disagreement, "within beside outnumbers");
    assert_eq!(core.count_range(), Some((8, 8)));
    assert_eq!(core.spread(), 0);
    let ceos = row(&view, "table.ceos").expect("row");
    assert!(!ceos.disagreement);
    assert_eq!(ceos.count_range(), Some((5, 10)));
    assert_eq!((ceos.mean, ceos.min, ceos.max), (None, None, None));
}

#[test]
fn an_answer_that_does_not_fit_its_question_is_shown_as_unanswered() {
    let people = respondents(&[
        &[("s1.convener", Answer::Count(3)), ("s1.roles", DONE)],
        &[("s1.convener", DONE), ("s1.roles", DONE)],
    ]);
    let view = group_view(bank(), &people);
    let convener = row(&view, "s1.convener").expect("row");
    assert_eq!(convener.answers, [None, Some(DONE)]);
    assert!(!convener.disagreement);
    assert_eq!(view.respondents[0].answered, 1);
    assert!(
        view.unmatched.is_empty(),
        "the id is known; only the kind is wrong"
    );
}

#[test]
fn questions_are_sorted_disagreements_first_then_by_spread_then_bank_order() {
    let count = Answer::Count;
    let people = respondents(&[
        &[
            ("s1.shared-table", MOSTLY),
            ("s1.same-page", DONE),
            ("s1.roles", DONE),
            ("s1.convener", DONE),
            ("s2.lmi", STARTED),
            ("table.companies", count(20)),
            ("pit.tension", Answer::Pitfall(PitfallLevel::Yes)),
        ],
        &[
            ("s1.shared-table", MOSTLY),
            ("s1.same-page", STARTED),
            ("s1.roles", MOSTLY),
            ("s1.convener", NOT_YET),
            ("s2.lmi", DK),
            ("table.companies", count(70)),
            ("pit.tension", Answer::Pitfall(PitfallLevel::No)),
        ],
    ]);
    let view = group_view(bank(), &people);
    let order: Vec<&str> = view.questions.iter().map(|r| r.question.id()).collect();
    assert_eq!(
        order,
        [
            "s1.convener",     // disagreement, spread 3
            "s1.same-page",    // disagreement, spread 2, earlier in the bank
            "pit.tension",     // disagreement, spread 2
            "table.companies", // disagreement of verdicts, spread 0
            "s1.roles",        // spread 1
            "s1.shared-table", // spread 0, bank order
            "s2.lmi",          // one answer on the scale, spread 0
        ]
    );
    let spreads: Vec<u8> = view.questions.iter().map(QuestionRow::spread).collect();
    assert_eq!(spreads, [3, 2, 2, 0, 1, 0, 0]);
}

#[test]
fn a_question_nobody_answered_has_no_row() {
    let people = respondents(&[&[("s1.convener", DONE)], &[]]);
    let view = group_view(bank(), &people);
    assert_eq!(view.questions.len(), 1);
    assert!(row(&view, "s1.roles").is_none());
    let empty = group_view(bank(), &[]);
    assert!(empty.questions.is_empty() && empty.respondents.is_empty());
    assert_eq!(empty.steps.len(), bank().launch_steps().count());
    assert!(empty
        .steps
        .iter()
        .all(|s| s.mean.is_none() && s.readiness.is_empty()));
}

/// Step 1's questions in order: shared-table, same-page, roles, convener (gate), core-partners,
/// supporters-network, supporters-informed.
fn step1(answers: [Option<Answer>; 7]) -> Vec<(&'static str, Answer)> {
    bank()
        .section("s1")
        .expect("s1")
        .questions()
        .iter()
        .zip(answers)
        .filter_map(|(q, a)| Some((q.id(), a?)))
        .collect()
}

/// One respondent's answers to step 1, their expected readiness, and whether a gate blocks.
type StepCase = (&'static str, [Option<Answer>; 7], Option<u8>, bool);

#[test]
fn step_readiness_per_respondent_with_mean_min_max_and_blocks() {
    let (d, m, s, n) = (Some(DONE), Some(MOSTLY), Some(STARTED), Some(NOT_YET));
    let cases: [StepCase; 5] = [
        ("all done", [d, d, d, d, d, d, d], Some(100), false),
        // 4 of 9 points among three answers, one more not known, half the step answered: 44%.
        (
            "half answered",
            [d, s, Some(DK), n, None, None, None],
            Some(44),
            true,
        ),
        // Two of seven answered is not enough, whatever the points say.
        ("too few", [d, d, None, None, None, None, None], None, false),
        // Don't know counts towards coverage, not the score; nothing scored gives None.
        (
            "only unsure",
            [Some(DK), Some(DK), Some(NA), None, None, None, None],
            None,
            false,
        ),
        ("mostly", [m, m, m, m, m, m, m], Some(66), false),
    ];
    let people: Vec<Respondent> = cases
        .iter()
        .map(|(label, answers, _, _)| respondent(label, &step1(*answers)))
        .collect();
    let view = group_view(bank(), &people);
    let s1 = &view.steps[0];
    assert_eq!(s1.section.id(), "s1");
    let expected: Vec<Option<u8>> = cases.iter().map(|c| c.2).collect();
    assert_eq!(s1.readiness, expected);
    assert_eq!(s1.min, Some(44));
    assert_eq!(s1.max, Some(100));
    // (100 + 44 + 66) / 3 = 70.
    assert_eq!(s1.mean, Some(70));
    let blocked: Vec<usize> = cases
        .iter()
        .enumerate()
        .filter(|(_, c)| c.3)
        .map(|(at, _)| at)
        .collect();
    assert_eq!(s1.blocked_for, blocked);
    let ids: Vec<&str> = view.steps.iter().map(|s| s.section.id()).collect();
    assert_eq!(ids, ["s1", "s2", "s3", "s4", "s5", "s6"]);
    assert!(view.steps[1..]
        .iter()
        .all(|s| s.readiness == [None; 5] && s.mean.is_none()));

    let summary = &view.respondents[1];
    assert_eq!(summary.label, "half answered");
    assert_eq!(summary.answered, 4);
    let blocks: Vec<&str> = summary.blocks.iter().map(|q| q.id()).collect();
    assert_eq!(blocks, ["s1.convener"]);
    assert!(summary
        .where_you_are
        .sentence()
        .starts_with("You are at step 1"));
    assert!(view.respondents[0].blocks.is_empty());
}

#[test]
fn a_step_counts_its_respondents_in_each_shade_of_readiness() {
    let (d, m, s, n) = (Some(DONE), Some(MOSTLY), Some(STARTED), Some(NOT_YET));
    // Readiness 100, 66, 44 (one gate Not yet), 0 (all Not yet: blocked), then two too few.
    let answers: [[Option<Answer>; 7]; 6] = [
        [d, d, d, d, d, d, d],
        [m, m, m, m, m, m, m],
        [d, s, Some(DK), n, None, None, None],
        [n, n, n, n, n, n, n],
        [d, d, None, None, None, None, None],
        [None; 7],
    ];
    let people: Vec<Respondent> = answers
        .iter()
        .enumerate()
        .map(|(at, a)| respondent(&format!("R{at}"), &step1(*a)))
        .collect();
    let view = group_view(bank(), &people);
    let s1 = &view.steps[0];
    assert_eq!(
        s1.readiness,
        [Some(100), Some(66), Some(44), Some(0), None, None]
    );
    let shades: Vec<(String, usize)> = s1
        .shades()
        .into_iter()
        .map(|share| (share.label, share.count))
        .collect();
    let expected = [
        ("0–19%", 1),
        ("20–39%", 0),
        ("40–59%", 1),
        ("60–79%", 1),
        ("80–100%", 1),
        ("Not enough answers", 2),
    ];
    let expected: Vec<(String, usize)> = expected
        .iter()
        .map(|(label, count)| (label.to_string(), *count))
        .collect();
    assert_eq!(shades, expected);
    // Every respondent is in exactly one part, so the bar's parts add up to the group.
    assert_eq!(
        s1.shades().iter().map(|s| s.count).sum::<usize>(),
        people.len()
    );
    // The shades are the scale the bars colour: weakest first, five points.
    assert_eq!(s1.shades()[4].kind, ShareKind::Point { position: 4, of: 5 });
    assert_eq!(s1.range_in_words(), "0–100%");
    // The one with too few answers began the step without confirming its gate.
    assert_eq!(s1.in_words(), "mean 52%, 0–100%; 2 blocked, 1 to confirm");
    assert_eq!(s1.marks_in_words(), "2 blocked, 1 to confirm");
    // A step nobody has a figure for says so, and an empty shade list has no unjudged part
    // when everyone has a figure.
    assert_eq!(view.steps[1].in_words(), "no figure yet; nobody blocked");
    assert_eq!(view.steps[1].range_in_words(), "–");
    assert_eq!(view.steps[1].shades().len(), 6);
    let judged = group_view(bank(), &people[..4]);
    assert_eq!(judged.steps[0].shades().len(), 5);
}

#[test]
fn the_edges_of_the_shades_fall_on_twenty_points() {
    let shade: Vec<u8> = [0, 19, 20, 39, 40, 59, 60, 79, 80, 99, 100]
        .into_iter()
        .map(readiness_shade)
        .collect();
    assert_eq!(shade, [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 4]);
}

#[test]
fn from_twenty_five_respondents_the_view_summarises() {
    let people: Vec<Respondent> = (0..SUMMARISE_FROM)
        .map(|at| respondent(&format!("R{at}"), &[]))
        .collect();
    assert!(!group_view(bank(), &people[..SUMMARISE_FROM - 1]).summarises());
    assert!(group_view(bank(), &people).summarises());
}

#[test]
fn above_twelve_respondents_the_tables_tally_in_one_column() {
    let people: Vec<Respondent> = (0..=MOST_COLUMNS)
        .map(|at| respondent(&format!("R{at}"), &[]))
        .collect();
    let twelve = group_view(bank(), &people[..MOST_COLUMNS]);
    assert!(!twelve.tallies_in_one_column());
    assert_eq!(twelve.column_heads().len(), MOST_COLUMNS);
    assert_eq!(twelve.column_heads()[0], "R0");
    let thirteen = group_view(bank(), &people);
    assert!(thirteen.tallies_in_one_column());
    assert_eq!(thirteen.column_heads(), ["13 respondents"]);
}

/// The Compare screen's sentences come from the view: the disagreements, a step's tally
/// in one column, each respondent's phase, and what was left out.
#[test]
fn the_group_says_its_tallies_in_words() {
    let step1 = |answer: Answer| -> Vec<(&str, Answer)> {
        bank().sections()[0]
            .questions()
            .iter()
            .map(|q| (q.id(), answer))
            .collect()
    };
    let people = respondents(&[&step1(DONE), &step1(STARTED)]);
    let view = group_view(bank(), &people);
    let disagreements = view.questions.iter().filter(|q| q.disagreement).count();
    assert_eq!(
        view.disagreement_line(),
        format!(
            "{disagreements} question(s) where answers are {DISAGREEMENT_POINTS} or more scale points apart."
        )
    );
    let (scored, blocked) = view.steps[0].tally_in_words();
    assert_eq!(scored, "2 scored");
    assert_eq!(blocked.as_deref(), Some(", 1 blocked"));
    assert_eq!(
        view.steps[1].tally_in_words(),
        ("0 scored".to_string(), None)
    );
    assert_eq!(view.respondents[0].phase_words(), "No clear phase yet");

    let unmatched = Unmatched {
        respondent: 0,
        label: "Ana",
        question_id: "s9.old",
    };
    assert_eq!(unmatched.line(), "Ana: question \"s9.old\"");
}

#[test]
fn respondents_keep_their_order_and_their_phase() {
    // A phase leads only once half its statements are answered and one is agreed with.
    let all_of = crate::scoring::tests::agree_with_all;
    let (storming, forming) = (all_of("phase.storming."), all_of("phase.forming."));
    let people = respondents(&[&storming, &forming, &[]]);
    let view = group_view(bank(), &people);
    let labels: Vec<&str> = view.respondents.iter().map(|r| r.label).collect();
    assert_eq!(labels, ["A", "B", "C"]);
    let phases: Vec<Option<Phase>> = view.respondents.iter().map(|r| r.leading_phase).collect();
    assert_eq!(phases, [Some(Phase::Storming), Some(Phase::Forming), None]);
    assert_eq!(view.respondents[0].phases.leading, Some(Phase::Storming));
}

#[test]
fn answers_from_another_bank_version_are_listed_as_unmatched() {
    let mut old = respondent(
        "Old link",
        &[
            ("s1.convener", DONE),
            ("s9.old-question", MOSTLY),
            ("a.retired", DK),
        ],
    );
    old.assessment.meta.bank_version = "2025.1".to_string();
    let people = vec![respondent("Current", &[("s1.convener", NOT_YET)]), old];
    let view = group_view(bank(), &people);
    assert_eq!(view.respondents[1].bank_version, "2025.1");
    assert_eq!(view.respondents[0].bank_version, bank().version());
    // Ids the bank still has are compared as usual.
    assert!(row(&view, "s1.convener").is_some_and(|r| r.disagreement));
    assert_eq!(view.respondents[1].answered, 1);
    let unmatched: Vec<(usize, &str, &str)> = view
        .unmatched
        .iter()
        .map(|u| (u.respondent, u.label, u.question_id))
        .collect();
    assert_eq!(
        unmatched,
        [
            (1, "Old link", "a.retired"),
            (1, "Old link", "s9.old-question")
        ]
    );
}

/// Which questions are flagged, as a sorted list of ids.
fn flagged_ids(view: &GroupView) -> Vec<String> {
    let mut ids: Vec<String> = view
        .questions
        .iter()
        .filter(|r| r.disagreement)
        .map(|r| r.question.id().to_string())
        .collect();
    ids.sort();
    ids
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_order_of_respondents_changes_nothing_but_the_columns(
        assessments in proptest::collection::vec(any_assessment(), 1..5),
        rotate in 0usize..5,
    ) {
        let people: Vec<Respondent> = assessments
            .into_iter()
            .enumerate()
            .map(|(at, assessment)| Respondent::new(format!("R{at}"), assessment))
            .collect();
        let mut turned = people.clone();
        turned.rotate_left(rotate % people.len());
        turned.reverse();
        let (view, other) = (group_view(bank(), &people), group_view(bank(), &turned));
        prop_assert_eq!(flagged_ids(&view), flagged_ids(&other));
        let order: Vec<&str> = view.questions.iter().map(|r| r.question.id()).collect();
        let other_order: Vec<&str> = other.questions.iter().map(|r| r.question.id()).collect();
        prop_assert_eq!(order, other_order);
        for (a, b) in view.steps.iter().zip(&other.steps) {
            prop_assert_eq!((a.mean, a.min, a.max), (b.mean, b.min, b.max));
            prop_assert_eq!(a.blocked_for.len(), b.blocked_for.len());
        }
    }

    #[test]
    fn one_respondent_alone_never_disagrees_and_figures_stay_in_range(a in any_assessment()) {
        let people = [Respondent::new("Only", a)];
        let view = group_view(bank(), &people);
        prop_assert!(view.questions.iter().all(|r| !r.disagreement && r.spread() == 0));
        prop_assert!(view.questions.windows(2).all(|w| w[0].spread() >= w[1].spread()));
        for step in &view.steps {
            prop_assert_eq!(step.mean, step.readiness[0]);
            prop_assert!(step.max.is_none_or(|m| m <= 100));
        }
    }

    #[test]
    fn a_disagreement_is_never_hidden_by_adding_respondents(
        a in any_assessment(),
        b in any_assessment(),
        c in any_assessment(),
    ) {
        let two = [
            Respondent::new("A", a.clone()),
            Respondent::new("B", b.clone()),
        ];
        let three = [
            Respondent::new("A", a),
            Respondent::new("B", b),
            Respondent::new("C", c),
        ];
        let (fewer, more) = (group_view(bank(), &two), group_view(bank(), &three));
        let more_flagged = flagged_ids(&more);
        for id in flagged_ids(&fewer) {
            prop_assert!(more_flagged.contains(&id), "{} stopped being flagged", id);
        }
    }
}

#[test]
fn a_tally_counts_each_answer_in_scale_order() {
    let answers = [
        Some(Answer::Scale(ScalePoint::Done)),
        None,
        Some(Answer::DontKnow),
        Some(Answer::Scale(ScalePoint::NotYet)),
        Some(Answer::Scale(ScalePoint::Done)),
        Some(Answer::NotApplicable),
    ];
    let group: Vec<Respondent> = answers
        .iter()
        .enumerate()
        .map(|(at, answer)| match answer {
            Some(answer) => respondent(&format!("r{at}"), &[("s1.convener", *answer)]),
            None => respondent(&format!("r{at}"), &[]),
        })
        .collect();
    let view = group_view(bank(), &group);
    let row = row(&view, "s1.convener").expect("a row");
    assert_eq!(
        row.tally(),
        vec![
            (Answer::Scale(ScalePoint::NotYet), 1),
            (Answer::Scale(ScalePoint::Done), 2),
            (Answer::DontKnow, 1),
            (Answer::NotApplicable, 1),
        ]
    );
}

#[test]
fn a_distribution_counts_every_scale_point_then_the_answers_off_the_scale() {
    let people = respondents(&[
        &[("s1.convener", DONE)],
        &[("s1.convener", STARTED)],
        &[("s1.convener", DONE)],
        &[("s1.convener", DK)],
        &[("s1.roles", DONE)],
    ]);
    let view = group_view(bank(), &people);
    let convener = row(&view, "s1.convener").expect("answered");
    let shares: Vec<(String, usize)> = convener
        .distribution(bank())
        .into_iter()
        .map(|share| (share.label, share.count))
        .collect();
    let label = |answer: Answer| bank().answer_label(&answer);
    assert_eq!(
        shares,
        [
            (label(NOT_YET), 0),
            (label(STARTED), 1),
            (label(MOSTLY), 0),
            (label(DONE), 2),
            (label(DK), 1),
            ("No answer".to_string(), 1),
        ]
    );
    assert_eq!(
        convener.spread_in_words(bank()),
        "two apart: Started to Done"
    );

    let counts = respondents(&[
        &[("table.companies", Answer::Count(40))],
        &[("table.companies", Answer::Count(12))],
    ]);
    let view = group_view(bank(), &counts);
    let companies = row(&view, "table.companies").expect("answered");
    let kinds: Vec<ShareKind> = companies
        .distribution(bank())
        .iter()
        .map(|s| s.kind)
        .collect();
    assert_eq!(kinds, [ShareKind::Count, ShareKind::Count]);
    assert_eq!(companies.spread_in_words(bank()), "counts 12 to 40");
}

#[test]
fn a_step_tallies_its_gates_and_who_has_one_to_confirm() {
    let people = respondents(&[
        &[("s1.convener", DONE), ("s1.roles", DONE)],
        &[("s1.convener", STARTED)],
        &[("s1.convener", DK), ("s1.roles", MOSTLY)],
        &[],
    ]);
    let view = group_view(bank(), &people);
    let step = &view.steps[0];
    assert_eq!(step.blocked_for, [1]);
    // The fourth has not begun the step: nothing to confirm yet.
    assert_eq!(step.to_confirm_for, [2]);
    let convener = step
        .gates
        .iter()
        .find(|gate| gate.question.id() == "s1.convener")
        .expect("the convener is a gate");
    assert_eq!(
        (convener.met, convener.blocked, convener.not_confirmed),
        (1, 1, 2)
    );
    assert!(convener.to_talk_about());
    assert_eq!(view.respondents[2].to_confirm.len(), 1);
    assert!(view.respondents[3].to_confirm.is_empty());
}
