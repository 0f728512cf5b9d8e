//! Tests of the report: three fictional partnerships read as a coach would, then the rules
//! for gaps, strengths, pitfalls and what is ignored.

use proptest::prelude::*;

use super::*;
use crate::answer::Agreement;
use crate::bank::{Phase, QuestionKind};
use crate::scoring::Verdict;

fn bank() -> &'static Bank {
    Bank::builtin()
}

/// Answers in a compact form: each step's questions get the scale points in `steps`, in bank
/// order ('D' Done, 'M' Mostly, 'S' Started, 'N' Not yet, '?' Don't know, '-' Not applicable,
/// ' ' unanswered); phases get one agreement point per phase (0..=3); then explicit answers.
struct Partnership<'s> {
    name: &'s str,
    steps: [&'s str; 6],
    phases: [Option<Agreement>; 4],
    other: Vec<(&'s str, Answer)>,
}

impl Partnership<'_> {
    fn assessment(&self) -> Assessment {
        let mut a = Assessment::new(bank());
        a.meta.name = self.name.to_string();
        for (section, letters) in bank().launch_steps().zip(self.steps) {
            let mut letters = letters.chars();
            for q in section.questions() {
                let answer = match letters.next().unwrap_or(' ') {
                    'D' => Answer::Scale(ScalePoint::Done),
                    'M' => Answer::Scale(ScalePoint::Mostly),
                    'S' => Answer::Scale(ScalePoint::Started),
                    'N' => Answer::Scale(ScalePoint::NotYet),
                    '?' => Answer::DontKnow,
                    '-' => Answer::NotApplicable,
                    _ => continue,
                };
                a.set_answer(q.id(), answer);
            }
            assert!(
                letters.next().is_none(),
                "too many answers for {}",
                section.id()
            );
        }
        for q in bank().section("phases").expect("phases").questions() {
            if let QuestionKind::Agreement(phase) = q.kind() {
                if let Some(point) = self.phases[*phase as usize] {
                    a.set_answer(q.id(), Answer::Agreement(point));
                }
            }
        }
        for (id, answer) in &self.other {
            assert!(bank().question(id).is_some(), "{id}");
            a.set_answer(*id, *answer);
        }
        a
    }
}

fn just_starting() -> Partnership<'static> {
    Partnership {
        name: "Riverbend advanced manufacturing",
        steps: ["SSNNSN", "S?N  NS    ", "", "", "", ""],
        phases: [
            Some(Agreement::Agree),
            Some(Agreement::SomewhatDisagree),
            Some(Agreement::Disagree),
            Some(Agreement::Disagree),
        ],
        other: vec![
            ("table.convener-agreed", Answer::YesNo(false)),
            ("table.champions", Answer::Count(0)),
            ("table.wider-team", Answer::DontKnow),
            (
                "pit.competing-initiative",
                Answer::Pitfall(PitfallLevel::ALittle),
            ),
            ("pit.tried-before", Answer::Pitfall(PitfallLevel::Yes)),
            ("pit.missing-employers", Answer::Pitfall(PitfallLevel::Yes)),
            ("pit.planning-time", Answer::Pitfall(PitfallLevel::No)),
        ],
    }
}

fn moving_to_action() -> Partnership<'static> {
    Partnership {
        name: "Coastal health care",
        steps: [
            "DDDDDM",
            "DDDDDMDDMD-",
            "DDDDDDMD",
            "DDDMMMD",
            "SNSSS?NM?SN?",
            "  N    ",
        ],
        phases: [
            Some(Agreement::SomewhatDisagree),
            Some(Agreement::Agree),
            Some(Agreement::SomewhatAgree),
            Some(Agreement::Disagree),
        ],
        other: vec![
            ("table.champions", Answer::Count(4)),
            ("table.companies", Answer::Count(26)),
            ("table.launch-support-team", Answer::Count(10)),
            ("table.ceos", Answer::Count(8)),
            ("table.core-team", Answer::Count(11)),
            ("table.wider-team", Answer::Count(40)),
            ("table.neutral-facilitator", Answer::YesNo(true)),
            ("table.convener-agreed", Answer::YesNo(true)),
            ("table.hosted-by-business", Answer::YesNo(true)),
            ("pit.understaffing", Answer::Pitfall(PitfallLevel::Yes)),
            (
                "pit.charting-course",
                Answer::Pitfall(PitfallLevel::ALittle),
            ),
            ("pit.tension", Answer::Pitfall(PitfallLevel::ALittle)),
        ],
    }
}

fn sustaining() -> Partnership<'static> {
    Partnership {
        name: "High Plains IT",
        steps: [
            "DDDDDD",
            "DDDDDDDDMDD",
            "DDDDDDDD",
            "DDDDDDD",
            "DDDDDDDDMDDD",
            "DDDDMDM",
        ],
        phases: [
            Some(Agreement::Disagree),
            Some(Agreement::SomewhatDisagree),
            Some(Agreement::SomewhatDisagree),
            Some(Agreement::Agree),
        ],
        other: vec![
            ("table.champions", Answer::Count(5)),
            ("table.companies", Answer::Count(38)),
            ("table.launch-support-team", Answer::Count(9)),
            ("table.ceos", Answer::Count(20)),
            ("table.core-team", Answer::Count(8)),
            ("table.wider-team", Answer::Count(60)),
            ("table.neutral-facilitator", Answer::YesNo(true)),
            ("table.convener-agreed", Answer::YesNo(true)),
            ("table.hosted-by-business", Answer::YesNo(true)),
            ("pit.not-adapting", Answer::Pitfall(PitfallLevel::No)),
            ("pit.wasted-time", Answer::Pitfall(PitfallLevel::No)),
        ],
    }
}

/// What a coach would expect to read in a partnership's report.
struct Expected<'s> {
    sentence: &'s str,
    phase: Option<Phase>,
    first_gaps: &'s [&'s str],
    blocks: &'s [&'s str],
    pitfalls: &'s [&'s str],
    table_concerns: &'s [&'s str],
    dont_knows: usize,
}

fn check(partnership: Partnership<'_>, expected: Expected<'_>) {
    let a = partnership.assessment();
    let r = report(bank(), &a);
    let name = partnership.name;
    assert_eq!(r.where_you_are.sentence(), expected.sentence, "{name}");
    assert_eq!(r.phases.leading, expected.phase, "{name}");
    let gaps: Vec<&str> = r.gaps.iter().map(|g| g.question.id()).collect();
    assert!(
        gaps.starts_with(expected.first_gaps),
        "{name}: gaps {gaps:?}"
    );
    let blocks: Vec<&str> = r.blocks().map(|g| g.question.id()).collect();
    assert_eq!(blocks, expected.blocks, "{name}");
    let pitfalls: Vec<&str> = r.pitfalls.iter().map(|p| p.question.id()).collect();
    assert_eq!(pitfalls, expected.pitfalls, "{name}");
    let concerns: Vec<&str> = r.table_concerns().map(|c| c.question.id()).collect();
    assert_eq!(concerns, expected.table_concerns, "{name}");
    assert_eq!(r.dont_knows.len(), expected.dont_knows, "{name}");
    assert!(r.ignored.is_empty(), "{name}: {:?}", r.ignored);
    for gap in &r.gaps {
        assert!(!gap.advice().is_empty());
    }
}

#[test]
fn a_partnership_just_starting_is_held_at_step_one_by_its_convener() {
    check(
        just_starting(),
        Expected {
            sentence: "You are at step 1, Build the regional support team and make the case. \
                       Blocking: An agreed lead convener or co-conveners.",
            phase: Some(Phase::Forming),
            first_gaps: &["s1.convener", "s1.roles", "s1.supporters"],
            blocks: &["s1.convener"],
            pitfalls: &[
                "pit.tried-before",
                "pit.missing-employers",
                "pit.competing-initiative",
            ],
            table_concerns: &["table.champions", "table.convener-agreed"],
            dont_knows: 2,
        },
    );
}

#[test]
fn a_launched_partnership_is_held_at_step_five_by_business_leadership() {
    check(
        moving_to_action(),
        Expected {
            sentence: "You are at step 5, Move to action. Blocking: Action teams led by business.",
            phase: Some(Phase::Norming),
            first_gaps: &["s5.business-led", "s5.next-steps", "s5.mission"],
            blocks: &["s5.business-led", "s6.refresh"],
            pitfalls: &["pit.understaffing", "pit.charting-course", "pit.tension"],
            table_concerns: &["table.core-team"],
            dont_knows: 3,
        },
    );
    let a = moving_to_action().assessment();
    let r = report(bank(), &a);
    let step = |id: &str| r.section(id).expect("section");
    assert_eq!(step("s4").band(), Some(Band::Strong));
    assert_eq!(step("s5").band(), Some(Band::Early));
    assert_eq!(step("s6").band(), Some(Band::NotEnoughAnswers));
    assert!(step("s6").is_blocked());
    // Mostly answers in a Strong step count as strengths; Done answers always do.
    assert!(r.strengths.iter().any(|s| s.question.id() == "s4.debrief"));
    // Mostly in a step that is not Strong is not a strength.
    assert!(!r
        .strengths
        .iter()
        .any(|s| s.question.id() == "s5.project-management"));
    assert!(r.strengths.iter().all(|s| s.answer != ScalePoint::Mostly
        || r.section(s.section.id()).and_then(|x| x.band()) == Some(Band::Strong)));
    assert_eq!(r.not_applicable.len(), 1);
}

#[test]
fn a_sustaining_partnership_is_told_so_and_is_performing() {
    check(
        sustaining(),
        Expected {
            sentence: "Every launch step is Strong and nothing is blocking: the partnership is \
                       sustaining its work. Keep reassessing and refreshing the agenda.",
            phase: Some(Phase::Performing),
            first_gaps: &[],
            blocks: &[],
            pitfalls: &[],
            table_concerns: &[],
            dont_knows: 0,
        },
    );
    let a = sustaining().assessment();
    let r = report(bank(), &a);
    assert!(r.gaps.is_empty());
    assert!(r.table.iter().all(|c| matches!(
        c.verdict,
        Verdict::Within | Verdict::Met | Verdict::Recorded
    )));
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
            ("s2.lmi", false),
            ("s2.sectors", false),
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

/// Distinct question ids with an answer each, from the built-in bank.
fn any_answers() -> impl Strategy<Value = Vec<(String, Answer)>> {
    let questions: Vec<&Question> = bank().questions().collect();
    proptest::sample::subsequence(questions.clone(), 0..=questions.len())
        .prop_flat_map(|chosen| {
            let n = chosen.len();
            (Just(chosen), proptest::collection::vec(any::<u32>(), n))
        })
        .prop_map(|(chosen, picks)| {
            chosen
                .into_iter()
                .zip(picks)
                .map(|(q, pick)| {
                    let choices = bank().choices(q);
                    let answer = match q.kind() {
                        QuestionKind::Count(_) if pick % 3 == 0 => Answer::Count(pick % 50),
                        _ => choices[pick as usize % choices.len()].answer,
                    };
                    (q.id().to_string(), answer)
                })
                .collect::<Vec<_>>()
        })
}

proptest! {
    #[test]
    fn the_order_answers_are_given_in_never_matters(
        (answers, shuffled) in any_answers().prop_flat_map(|a| (Just(a.clone()), Just(a).prop_shuffle()))
    ) {
        let build = |answers: &[(String, Answer)]| {
            let mut a = Assessment::new(bank());
            for (id, answer) in answers {
                a.set_answer(id.clone(), *answer);
            }
            a
        };
        let (first, second) = (build(&answers), build(&shuffled));
        let (r1, r2) = (report(bank(), &first), report(bank(), &second));
        prop_assert_eq!(&r1, &r2);
        prop_assert_eq!(r1.to_markdown(), r2.to_markdown());
    }
}

#[test]
fn a_percentage_cell_reads_as_a_number_or_a_dash() {
    assert_eq!(percent_text(Some(75)), "75%");
    assert_eq!(percent_text(Some(0)), "0%");
    assert_eq!(percent_text(None), "–");
}
