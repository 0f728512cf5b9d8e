//! Tests of scoring: data-driven examples of each rule, then properties over random answers.

use proptest::prelude::*;

use super::*;
use crate::answer::{Agreement, PitfallLevel};
use crate::samples::assessment_from_picks;

fn bank() -> &'static Bank {
    Bank::builtin()
}

fn section(id: &str) -> &'static Section {
    bank().section(id).expect("section exists")
}

/// Agree with every statement whose id starts with `phase` ("phase.forming."): enough for
/// that phase to lead, since half its statements are answered and one is agreed with.
/// Every sign of the phase whose statements start with `phase` ("phase.storming."), at its
/// strongest: its statements agreed with, and the questions elsewhere read as its signs
/// (Storming's pitfalls) answered as fully as they can be.
pub(crate) fn agree_with_all(phase: &str) -> Vec<(&'static str, Answer)> {
    bank()
        .questions()
        .filter(|q| {
            q.id().starts_with(phase)
                || q.phase_sign()
                    .is_some_and(|p| phase.contains(&p.name().to_lowercase()))
        })
        .map(|q| (q.id(), strongest_sign(q.kind(), Agreement::Agree)))
        .collect()
}

/// The answer of a question's kind that is as strong a sign of its phase as `agreement`.
fn strongest_sign(kind: &QuestionKind, agreement: Agreement) -> Answer {
    match kind {
        QuestionKind::Pitfall(_) => Answer::Pitfall(match agreement {
            Agreement::Agree => PitfallLevel::Yes,
            Agreement::SomewhatAgree => PitfallLevel::ALittle,
            _ => PitfallLevel::No,
        }),
        QuestionKind::Scale => Answer::Scale(ScalePoint::ALL[agreement.points() as usize]),
        _ => Answer::Agreement(agreement),
    }
}

pub(crate) fn assessment(answers: &[(&str, Answer)]) -> Assessment {
    let mut a = Assessment::new(bank());
    for (id, answer) in answers {
        a.set_answer(*id, *answer);
    }
    a
}

pub(crate) const DONE: Answer = Answer::Scale(ScalePoint::Done);
pub(crate) const MOSTLY: Answer = Answer::Scale(ScalePoint::Mostly);
pub(crate) const STARTED: Answer = Answer::Scale(ScalePoint::Started);
pub(crate) const NOT_YET: Answer = Answer::Scale(ScalePoint::NotYet);

/// The ids of step 1, in order: shared-table, same-page, roles, convener (gate), core-partners,
/// supporters-network, supporters-informed. The checks below answer the last Not applicable
/// wherever they answer the whole step, which leaves the readiness as it was with six.
fn step1(answers: [Option<Answer>; 7]) -> Assessment {
    let ids = section("s1").questions().iter().map(Question::id);
    let mut a = Assessment::new(bank());
    for (id, answer) in ids.zip(answers) {
        if let Some(answer) = answer {
            a.set_answer(id, answer);
        }
    }
    a
}

/// Checks step 1's readiness, coverage, band and whether it is blocked.
fn check_step1(
    answers: [Option<Answer>; 7],
    readiness: Option<u8>,
    coverage: u8,
    band: Band,
    blocked: bool,
) {
    let a = step1(answers);
    let score = section_score(section("s1"), &a);
    assert_eq!(score.readiness_pct(), readiness, "{answers:?}");
    assert_eq!(score.coverage_pct(), coverage, "{answers:?}");
    assert_eq!(score.band(), Some(band), "{answers:?}");
    assert_eq!(score.is_blocked(), blocked, "{answers:?}");
}

#[test]
fn step_readiness_coverage_and_band() {
    use Band::*;
    let (d, m, s, n) = (Some(DONE), Some(MOSTLY), Some(STARTED), Some(NOT_YET));
    let (dk, na) = (Some(Answer::DontKnow), Some(Answer::NotApplicable));
    check_step1([d, d, d, d, d, d, na], Some(100), 100, Strong, false);
    check_step1([n, n, n, s, n, n, na], Some(5), 100, Early, true);
    // 14 of 18 points is 77.7%: Strong.
    check_step1([d, d, d, m, m, s, na], Some(77), 100, Strong, false);
    // 13 of 18 is 72.2%: Developing, and the band agrees with the rounded-down percentage.
    check_step1([d, d, m, m, m, s, na], Some(72), 100, Developing, false);
    // 9 of 18 is exactly 50%: Developing.
    check_step1([d, d, s, m, n, n, na], Some(50), 100, Developing, false);
    check_step1([d, s, n, m, n, n, na], Some(33), 100, Early, false);
    // Don't know and Not applicable are left out, not counted as zero.
    check_step1([d, d, d, d, dk, na, na], Some(100), 100, Strong, false);
    // Two of seven answered: not enough answers, whatever the points say.
    check_step1(
        [d, d, None, None, None, None, None],
        Some(100),
        28,
        NotEnoughAnswers,
        false,
    );
    // Half answered is enough to score, but the gate (the fourth) is not confirmed, so the
    // step is not Strong.
    check_step1(
        [d, d, d, None, None, None, na],
        Some(100),
        57,
        Developing,
        false,
    );
    check_step1([d, d, d, d, None, None, None], Some(100), 57, Strong, false);
    // All don't know: covered, but nothing to score.
    check_step1(
        [dk, dk, dk, dk, dk, dk, dk],
        None,
        100,
        NotEnoughAnswers,
        false,
    );
    check_step1([None; 7], None, 0, NotEnoughAnswers, false);
    // A gate answered Not yet or Started blocks the step, and the step is never Strong,
    // whatever the average says.
    check_step1([d, d, d, n, d, d, na], Some(83), 100, Developing, true);
    check_step1([d, d, d, s, d, d, na], Some(88), 100, Developing, true);
    // A gate answered Don't know or Not applicable is not confirmed: 100%, but not Strong.
    check_step1([d, d, d, dk, d, d, na], Some(100), 100, Developing, false);
    check_step1([d, d, d, na, d, d, na], Some(100), 100, Developing, false);
    // Mostly meets a gate.
    check_step1([d, d, d, m, d, d, na], Some(94), 100, Strong, false);
}

#[test]
fn band_thresholds() {
    for (pct, band) in [
        (0, Band::Early),
        (49, Band::Early),
        (50, Band::Developing),
        (74, Band::Developing),
        (75, Band::Strong),
        (100, Band::Strong),
    ] {
        assert_eq!(Band::of_readiness(pct), band, "{pct}");
    }
}

#[test]
fn an_answer_of_the_wrong_kind_counts_as_unanswered() {
    let a = assessment(&[
        ("s1.convener", Answer::Count(3)),
        ("s1.roles", Answer::Agreement(Agreement::Agree)),
    ]);
    let score = section_score(section("s1"), &a);
    assert_eq!((score.answered, score.scored), (0, 0));
}

fn where_you_are(answers: &[(&str, Answer)]) -> String {
    let a = assessment(answers);
    WhereYouAre::from_scores(&section_scores(bank(), &a)).sentence()
}

fn all_done_up_to(step: u8) -> Vec<(&'static str, Answer)> {
    bank()
        .launch_steps()
        .filter(|s| s.step().is_some_and(|n| n <= step))
        .flat_map(|s| s.questions().iter().map(|q| (q.id(), DONE)))
        .collect()
}

#[test]
fn where_you_are_is_the_first_step_not_strong_or_blocked() {
    assert_eq!(
        where_you_are(&[]),
        "You are at step 1, Build the regional support team and make the case. \
         Not enough answers yet to score this step."
    );
    let mut answers = all_done_up_to(2);
    answers.push(("s3.ceo-champions", NOT_YET));
    assert_eq!(
        where_you_are(&answers),
        "You are at step 3, Prepare to launch. Blocking: At least two CEO champions who will \
         sign the invitation."
    );
    let mut answers = all_done_up_to(3);
    answers.extend(section("s4").questions().iter().map(|q| (q.id(), STARTED)));
    assert_eq!(
        where_you_are(&answers),
        "You are at step 4, Launch. Blocking: A shared set of priorities from the launch."
    );
    // A gate not confirmed stops the partnership at its step, and the sentence names it.
    let mut answers = all_done_up_to(6);
    answers.push(("s1.convener", Answer::DontKnow));
    assert_eq!(
        where_you_are(&answers),
        "You are at step 1, Build the regional support team and make the case. Not confirmed \
         yet: An agreed lead convener or co-conveners; find out before the session."
    );
    let mut answers = all_done_up_to(3);
    answers.extend(section("s4").questions().iter().map(|q| (q.id(), STARTED)));
    answers.push(("s4.shared-priorities", DONE));
    assert_eq!(
        where_you_are(&answers),
        "You are at step 4, Launch. Readiness 39% (Early)."
    );
    // A later step that is blocked does not matter while an earlier one is not Strong.
    let mut answers = all_done_up_to(6);
    answers.push(("s2.sectors", NOT_YET));
    answers.push(("s2.lmi", NOT_YET));
    answers.push(("s2.sequence", NOT_YET));
    answers.push(("s6.refresh", NOT_YET));
    assert!(where_you_are(&answers).starts_with("You are at step 2,"));
    assert_eq!(
        where_you_are(&all_done_up_to(6)),
        "Every launch step is Strong with its gates met."
    );
}

#[test]
fn count_verdicts() {
    let range = CountRange::new;
    let champions = range(Some(2), Some(6), None);
    let core = range(Some(6), Some(12), Some("table.ceos"));
    let wider = range(Some(25), None, None);
    let support = range(None, Some(12), None);
    let open = range(None, None, None);
    // Ends the seed only suggests give a note, not a concern; a firm end stays a concern, and
    // outnumbering the CEOs is a concern before any note.
    let hedged_core = range(Some(6), Some(12), Some("table.ceos")).hedged(
        Some("Fewer than six: check"),
        Some("More than twelve: keep"),
    );
    let hedged_companies = range(Some(12), Some(60), None).hedged(None, Some("More than sixty"));
    for (r, count, other, verdict) in [
        (&hedged_core, 4, None, Verdict::BelowAdvised),
        (&hedged_core, 14, Some(30), Verdict::AboveAdvised),
        (&hedged_core, 14, Some(9), Verdict::Outnumbers),
        (&hedged_core, 8, Some(9), Verdict::Within),
        (&hedged_companies, 85, None, Verdict::AboveAdvised),
        (&hedged_companies, 8, None, Verdict::Below),
        (&champions, 1, None, Verdict::Below),
        (&champions, 2, None, Verdict::Within),
        (&champions, 6, None, Verdict::Within),
        (&champions, 7, None, Verdict::Above),
        (&core, 8, Some(10), Verdict::Within),
        (&core, 8, Some(8), Verdict::Within),
        (&core, 8, Some(5), Verdict::Outnumbers),
        (&core, 8, None, Verdict::Within),
        (&core, 14, Some(30), Verdict::Above),
        (&core, 4, Some(2), Verdict::Below),
        (&wider, 24, None, Verdict::Below),
        (&wider, 400, None, Verdict::Within),
        (&support, 0, None, Verdict::Within),
        (&support, 13, None, Verdict::Above),
        (&open, 9, None, Verdict::Recorded),
    ] {
        assert_eq!(
            count_verdict(r, count, other),
            verdict,
            "{r:?} {count} {other:?}"
        );
    }
}

#[test]
fn table_checks_compare_the_core_team_with_the_ceos() {
    let a = assessment(&[
        ("table.core-team", Answer::Count(10)),
        ("table.ceos", Answer::Count(7)),
        ("s3.ceo-champions", Answer::DontKnow),
        ("table.companies", Answer::Count(85)),
        ("s3.launch-at-business", Answer::YesNo(false)),
        ("s3.facilitator-neutral", MOSTLY),
    ]);
    let checks = table_checks(bank(), &a);
    let verdict = |id: &str| {
        checks
            .iter()
            .find(|c| c.question.id() == id)
            .map(|c| c.verdict)
            .expect("check exists")
    };
    assert_eq!(verdict("table.core-team"), Verdict::Outnumbers);
    assert_eq!(verdict("table.ceos"), Verdict::Recorded);
    assert_eq!(verdict("s3.ceo-champions"), Verdict::Unknown);
    assert_eq!(verdict("table.wider-team"), Verdict::NotAnswered);
    // Over sixty companies: the seed gives the range without a hedge, so a concern.
    assert_eq!(verdict("table.companies"), Verdict::Above);
    // The role checks read the one answer of their launch step.
    assert_eq!(verdict("s3.launch-at-business"), Verdict::NotMet);
    assert_eq!(verdict("s3.facilitator-neutral"), Verdict::Met);
    assert_eq!(verdict("s1.convener"), Verdict::NotAnswered);
    let advice = |id: &str| {
        checks
            .iter()
            .find(|c| c.question.id() == id)
            .and_then(|c| c.advice)
    };
    assert!(advice("table.core-team").is_some_and(|a| a.contains("outnumber")));
    assert!(advice("table.companies").is_some_and(|a| a.contains("small tables")));
    // Beside the question, the core team's count gets the same advice as in the report,
    // though ten is within its own range.
    let beside = |id: &str| bank().question(id).and_then(|q| advice_in(bank(), &a, q));
    assert_eq!(beside("table.core-team"), advice("table.core-team"));
    assert_eq!(beside("table.companies"), advice("table.companies"));
    assert_eq!(beside("table.wider-team"), None);
    assert!(advice("s3.launch-at-business").is_some());
    assert_eq!(advice("s3.facilitator-neutral"), None);
    let core = checks
        .iter()
        .find(|c| c.question.id() == "table.core-team")
        .expect("core");
    assert_eq!(
        core.expected,
        "6 to 12, and no more than CEOs at the table (7)"
    );
    // Five counts and the four role checks read from the launch steps.
    assert_eq!(checks.len(), 9);
    // Three of the table's five counts are answered (60%). The CEO count is only recorded,
    // which leaves two scored: 85 companies, over sixty, and the core team, which
    // outnumbers the CEOs (0 of 6). The role checks count in their own steps, not here.
    let score = section_score(section("table"), &a);
    assert_eq!(score.coverage_pct(), 60);
    assert_eq!(score.readiness_pct(), Some(0));
}

/// Every phase statement and every sign of a phase answered with that phase's agreement.
fn phases(answers: [Agreement; 4]) -> Assessment {
    let mut a = Assessment::new(bank());
    for q in bank().questions() {
        let phase = match q.kind() {
            QuestionKind::Agreement(phase) => Some(*phase),
            _ => q.phase_sign(),
        };
        if let Some(phase) = phase {
            a.set_answer(q.id(), strongest_sign(q.kind(), answers[phase as usize]));
        }
    }
    a
}

#[test]
fn the_leading_phase_scores_highest_and_ties_go_to_the_earlier_phase() {
    use Agreement::*;
    let leading = |answers| phase_profile(bank(), &phases(answers)).leading;
    assert_eq!(
        leading([Agree, Disagree, Disagree, Disagree]),
        Some(Phase::Forming)
    );
    assert_eq!(
        leading([SomewhatAgree, Agree, Disagree, Disagree]),
        Some(Phase::Norming)
    );
    assert_eq!(
        leading([Disagree, SomewhatAgree, Agree, SomewhatAgree]),
        Some(Phase::Storming)
    );
    assert_eq!(
        leading([Disagree, Disagree, SomewhatAgree, Agree]),
        Some(Phase::Performing)
    );
    assert_eq!(
        leading([SomewhatAgree, Agree, Disagree, Agree]),
        Some(Phase::Norming)
    );
    assert_eq!(leading([Agree, Agree, Agree, Agree]), Some(Phase::Forming));
    // No statement agreed with: no clear phase yet, rather than the first by default.
    assert_eq!(leading([Disagree, Disagree, Disagree, Disagree]), None);
    assert_eq!(
        leading([SomewhatDisagree, Disagree, Disagree, Disagree]),
        None
    );
    assert_eq!(
        phase_profile(bank(), &Assessment::new(bank())).leading,
        None
    );
    let only_dont_know = assessment(&[("phase.storming.costs", Answer::DontKnow)]);
    assert_eq!(phase_profile(bank(), &only_dont_know).leading, None);
}

#[test]
fn a_phase_with_no_answers_does_not_compete() {
    let a = assessment(&[(
        "phase.performing.results",
        Answer::Agreement(Agreement::Disagree),
    )]);
    let profile = phase_profile(bank(), &a);
    assert_eq!(profile.leading, None);
    assert!(profile.sentence().starts_with("No clear phase yet"));
    assert_eq!(profile.phases[0].pct(), None);
    assert_eq!(profile.phases[3].pct(), Some(0));
}

#[test]
fn a_phase_with_under_half_its_statements_answered_cannot_lead() {
    // One Performing statement agreed with scores 100%, but one statement is not a profile:
    // Forming, with every statement answered, leads.
    let mut answers: Vec<(&str, Answer)> = bank()
        .questions()
        .filter(|q| q.id().starts_with("phase.forming."))
        .map(|q| (q.id(), Answer::Agreement(Agreement::SomewhatAgree)))
        .collect();
    answers.push((
        "phase.performing.results",
        Answer::Agreement(Agreement::Agree),
    ));
    let profile = phase_profile(bank(), &assessment(&answers));
    assert_eq!(profile.phases[3].pct(), Some(100));
    assert!(!profile.phases[3].can_lead());
    assert_eq!(profile.leading, Some(Phase::Forming));
    // With Forming's statements only one in two answered, it may still lead.
    let half: Vec<(&str, Answer)> = answers.iter().copied().step_by(2).collect();
    let profile = phase_profile(bank(), &assessment(&half));
    assert_eq!(profile.leading, Some(Phase::Forming));
}

#[test]
fn pitfalls_score_how_clear_the_partnership_is() {
    let a = assessment(&[
        ("pit.tension", Answer::Pitfall(PitfallLevel::Yes)),
        ("pit.planning-time", Answer::Pitfall(PitfallLevel::ALittle)),
        ("pit.wasted-time", Answer::Pitfall(PitfallLevel::No)),
    ]);
    let score = section_score(section("pitfalls"), &a);
    assert_eq!((score.earned, score.possible), (3, 6));
}

/// Random answers to the built-in bank, each question answered in any way it accepts or left
/// unanswered.
pub(crate) fn any_assessment() -> impl Strategy<Value = Assessment> {
    let n = bank().questions().count();
    proptest::collection::vec(any::<u32>(), n).prop_map(|picks| assessment_from_picks(&picks))
}

/// Every section's readiness and every phase's share.
fn readiness(a: &Assessment) -> (Vec<Option<u8>>, Vec<Option<u8>>) {
    let sections = section_scores(bank(), a)
        .iter()
        .map(SectionScore::readiness_pct)
        .collect();
    let phases = phase_profile(bank(), a)
        .phases
        .iter()
        .map(PhaseScore::pct)
        .collect();
    (sections, phases)
}

proptest! {
    /// The percentages are the exact shares, rounded down, of counts that never pass their
    /// whole. (The percentages alone are clamped to 100, so it is the counts and the unclamped
    /// figure that can show a score gone wrong.)
    #[test]
    fn readiness_and_coverage_are_exact_shares_of_counts_within_their_whole(a in any_assessment()) {
        let share = |part: u32, whole: u32| u64::from(part) * 100 / u64::from(whole);
        for score in section_scores(bank(), &a) {
            prop_assert!(score.earned <= score.possible);
            prop_assert!(score.answered <= score.total);
            prop_assert!(score.scored + score.dont_know + score.not_applicable <= score.answered);
            let readiness = (score.possible > 0 && score.section.kind() != SectionKind::Phases)
                .then(|| share(score.earned, score.possible));
            prop_assert_eq!(score.readiness_pct().map(u64::from), readiness);
            prop_assert_eq!(u64::from(score.coverage_pct()), share(score.answered, score.total));
        }
        for phase in phase_profile(bank(), &a).phases {
            prop_assert!(phase.earned <= phase.possible);
            prop_assert!(phase.agreed <= phase.answered);
            prop_assert!(phase.answered <= phase.statements);
            let pct = (phase.possible > 0).then(|| share(phase.earned, phase.possible));
            prop_assert_eq!(phase.pct().map(u64::from), pct);
        }
    }

    #[test]
    fn dont_know_or_not_applicable_on_an_unanswered_question_never_changes_readiness(
        a in any_assessment(),
        pick in any::<prop::sample::Index>(),
        not_applicable in any::<bool>(),
    ) {
        let unanswered: Vec<&Question> =
            bank().questions().filter(|q| a.answer(q.id()).is_none()).collect();
        prop_assume!(!unanswered.is_empty());
        let question = unanswered[pick.index(unanswered.len())];
        let mut changed = a.clone();
        let answer = if not_applicable { Answer::NotApplicable } else { Answer::DontKnow };
        changed.set_answer(question.id(), answer);
        prop_assert_eq!(readiness(&a), readiness(&changed));
    }

    #[test]
    fn a_gate_not_confirmed_never_lets_its_step_be_strong(
        a in any_assessment(),
        pick in any::<prop::sample::Index>(),
        how in 0u8..3,
    ) {
        let gates: Vec<&Question> = bank().questions().filter(|q| q.is_gate()).collect();
        let gate = gates[pick.index(gates.len())];
        let mut a = a;
        match how {
            0 => { a.set_answer(gate.id(), Answer::DontKnow); }
            1 => { a.set_answer(gate.id(), Answer::NotApplicable); }
            _ => { a.clear_answer(gate.id()); }
        }
        let scores = section_scores(bank(), &a);
        let step = bank().section_of(gate.id()).and_then(Section::step).expect("a gate's step");
        let score = scores.iter().find(|s| s.section.step() == Some(step)).expect("the step");
        prop_assert_ne!(score.band(), Some(Band::Strong));
        prop_assert!(!score.is_done());
        // Don't know on a gate the region would know had happened reads as not yet.
        let held_by = if how == 0 && gate.dont_know_is_not_yet() {
            &score.blocked_by
        } else {
            &score.unconfirmed
        };
        prop_assert!(held_by.iter().any(|q| q.id() == gate.id()));
        // "Where you are" never passes the step.
        let at = WhereYouAre::from_scores(&scores).step();
        prop_assert!(at.is_some_and(|at| at <= step), "at {:?}, gate at {}", at, step);
    }

    #[test]
    fn raising_one_answer_never_lowers_its_section(
        a in any_assessment(),
        pick in any::<prop::sample::Index>(),
    ) {
        let raisable: Vec<(&Question, Answer)> = bank()
            .questions()
            .filter_map(|q| match a.answer(q.id())? {
                Answer::Scale(p) if p != ScalePoint::Done => {
                    Some((q, Answer::Scale(ScalePoint::ALL[p as usize + 1])))
                }
                Answer::Agreement(p) if p != Agreement::Agree => {
                    Some((q, Answer::Agreement(Agreement::ALL[p as usize + 1])))
                }
                _ => None,
            })
            .collect();
        prop_assume!(!raisable.is_empty());
        let (question, raised) = raisable[pick.index(raisable.len())];
        let section = bank().section_of(question.id()).expect("question has a section");
        let mut higher = a.clone();
        higher.set_answer(question.id(), raised);
        let before = section_score(section, &a);
        let after = section_score(section, &higher);
        // Compare exact shares, earned/possible, by cross-multiplying.
        prop_assert_eq!(before.possible, after.possible);
        prop_assert!(after.earned > before.earned);
        prop_assert!(after.readiness_pct() >= before.readiness_pct());
        if let QuestionKind::Agreement(phase) = question.kind() {
            let i = *phase as usize;
            let (b, h) = (phase_profile(bank(), &a), phase_profile(bank(), &higher));
            prop_assert!(h.phases[i].pct() >= b.phases[i].pct());
        }
    }
}

#[test]
fn advice_appears_beside_a_question_only_when_its_answer_is_weak() {
    let bank = Bank::builtin();
    let q = |id: &str| bank.question(id).expect("question in the bank");
    let check = |id: &str, answer: Answer, shown: bool| {
        assert_eq!(
            advice_for(q(id), answer).is_some(),
            shown,
            "{id} answered {answer:?}"
        );
    };
    check("s1.convener", Answer::Scale(ScalePoint::NotYet), true);
    check("s1.convener", Answer::Scale(ScalePoint::Started), true);
    check("s1.convener", Answer::Scale(ScalePoint::Mostly), false);
    check("s1.convener", Answer::DontKnow, false);
    check(
        "pit.understaffing",
        Answer::Pitfall(PitfallLevel::ALittle),
        true,
    );
    check(
        "pit.understaffing",
        Answer::Pitfall(PitfallLevel::No),
        false,
    );
    check("table.companies", Answer::Count(85), true);
    check("table.companies", Answer::Count(8), true);
    check("table.companies", Answer::Count(30), false);
    // Twelve to sixty companies, both ends firm.
    check("table.companies", Answer::Count(61), true);
    check("table.companies", Answer::Count(60), false);
    // Don't know on the champions reads as not yet, with the advice to recruit.
    check("s3.ceo-champions", Answer::DontKnow, true);
    check("s3.launch-at-business", Answer::YesNo(false), true);
    check("s3.launch-at-business", Answer::YesNo(true), false);
    check(
        "phase.forming.research",
        Answer::Agreement(Agreement::Disagree),
        false,
    );
}

#[test]
fn a_coach_scope_limits_where_you_are_to_the_steps_it_asked_about() {
    use crate::assessment::CoachSession;
    let bank = bank();
    let scoped = |scope: &[&str], done: &[&str]| {
        let mut a = Assessment::new(bank);
        a.coach = Some(CoachSession {
            scope: scope.iter().map(|s| s.to_string()).collect(),
            ..CoachSession::default()
        });
        for id in done {
            for question in bank.section(id).expect("section").questions() {
                a.set_answer(question.id(), DONE);
            }
        }
        a
    };
    let place = |a: &Assessment| WhereYouAre::for_assessment(&section_scores(bank, a), a);

    // Steps 4 and 5 all done; step 1, out of scope and unanswered, holds nothing back.
    let a = scoped(&["s4", "s5", "phases"], &["s4", "s5"]);
    assert_eq!(place(&a), WhereYouAre::ScopeDone { steps: vec![4, 5] });
    assert!(place(&a).sentence().contains("(step 4, 5) is Strong"));
    assert!(WhereYouAre::from_scores(&section_scores(bank, &a))
        .sentence()
        .starts_with("You are at step 1"));

    // Within the scope, the first step not done is where you are.
    let a = scoped(&["s4", "s5"], &["s4"]);
    assert!(matches!(place(&a), WhereYouAre::AtStep { step: 5, .. }));

    // A scope without launch steps places the partnership at no step.
    let a = scoped(&["phases", "pitfalls"], &[]);
    assert_eq!(place(&a), WhereYouAre::ScopeDone { steps: vec![] });
    assert!(place(&a).sentence().contains("covers no launch step"));

    // No coach, or a coach who kept everything in scope: the whole bank counts.
    let mut a = scoped(&[], &["s4"]);
    assert!(matches!(place(&a), WhereYouAre::AtStep { step: 1, .. }));
    a.coach = None;
    assert!(matches!(place(&a), WhereYouAre::AtStep { step: 1, .. }));
}
