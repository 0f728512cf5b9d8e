//! Coach cases: fictional partnerships, each with what an experienced sector-partnership coach
//! would expect its report to say. The expectations were written first, from the seeds and a
//! coach's judgement, and the bank and scoring were then made to meet them.
//!
//! Each case gives its answers as patterns over question ids ("s1.*" is every question of step
//! 1, later patterns override earlier ones) and a letter or number per answer, read by the
//! question's kind:
//!
//! - steps: `D` Done, `M` Mostly, `S` Started, `N` Not yet;
//! - phase statements: `A` Agree, `a` Somewhat agree, `d` Somewhat disagree, `X` Disagree;
//! - pitfalls: `Y` Yes, `L` A little, `O` No;
//! - counts: the number;
//! - yes or no: `Y` (or `D`, `M`) Yes, `N` (or `S`) No;
//! - any question: `?` Don't know, `-` Not applicable.
//!
//! The expected placement is the start of "where you are" and a phrase it must name; the
//! gates are listed by question id, blocked apart from not confirmed; the next steps are the
//! report's first three, by question id.

use super::*;
use crate::answer::Agreement;
use crate::bank::{Phase, QuestionKind};

/// One fictional partnership and what a coach expects of its report.
struct Case {
    name: &'static str,
    answers: &'static [(&'static str, &'static str)],
    /// How "where you are" starts.
    placement: &'static str,
    /// A phrase "where you are" must contain (the gate that holds the step), or "".
    names: &'static str,
    /// A phrase the "Also in the way" line must contain, or "" when no finding may stand.
    also: &'static str,
    blocked: &'static [&'static str],
    unconfirmed: &'static [&'static str],
    phase: Option<Phase>,
    next_steps: &'static [&'static str],
    /// Who-is-at-the-table checks that must be concerns, and ones that must be advice notes.
    table_concerns: &'static [&'static str],
    table_notes: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        // The issue's own example: everything in step 1 done, but nobody knows whether the lead
        // convener is agreed. A coach would not let the group move on to scope.
        name: "Lead convener unknown (Cedar Falls manufacturing)",
        answers: &[("s1.*", "D"), ("s1.convener", "?")],
        placement: "You are at step 1, Build the regional support team and make the case.",
        names: "Not confirmed yet: An agreed lead convener or co-conveners",
        also: "",
        blocked: &[],
        unconfirmed: &["s1.convener"],
        phase: None,
        next_steps: &["s1.convener"],
        table_concerns: &[],
        table_notes: &[],
    },
    Case {
        // Public partners have started talking but nobody convenes yet. Forming is obvious;
        // the coach starts with the convener, then roles, then the core planning team.
        name: "Just forming (North Ridge health care)",
        answers: &[
            ("s1.shared-table", "S"),
            ("s1.same-page", "S"),
            ("s1.roles", "N"),
            ("s1.convener", "S"),
            ("s1.core-partners", "N"),
            ("s1.supporters-network", "N"),
            ("s1.supporters-informed", "N"),
            ("phase.forming.*", "A"),
            ("phase.forming.research", "a"),
            ("pit.competing-initiative", "L"),
        ],
        placement: "You are at step 1, Build the regional support team and make the case.",
        names: "Blocking: An agreed lead convener or co-conveners",
        also: "",
        blocked: &["s1.convener"],
        unconfirmed: &[],
        phase: Some(Phase::Forming),
        next_steps: &["s1.convener", "s1.roles", "s1.core-partners"],
        // The convener question is also the table's role check, so it shows there too.
        table_concerns: &["s1.convener"],
        table_notes: &[],
    },
    Case {
        // The support team is strong, but the region never chose its sector: everything after
        // that is built on sand, however far the launch planning has gone.
        name: "Scope never agreed (Lakeshore logistics)",
        answers: &[
            ("s1.*", "D"),
            ("s2.*", "S"),
            ("s2.sectors", "N"),
            ("s2.sequence", "N"),
            ("s2.data", "M"),
            ("s2.scope-industry", "N"),
            ("s2.scope-champions", "?"),
            ("s2.scope-membership", "?"),
            ("s3.ceo-champions", "S"),
            ("phase.forming.*", "a"),
            ("phase.norming.enthusiasm", "A"),
        ],
        placement: "You are at step 2, Define the scope of industry focus.",
        names: "Blocking: The sector to act on, agreed by the regional team",
        also: "",
        blocked: &["s2.sectors", "s3.ceo-champions"],
        unconfirmed: &[],
        phase: Some(Phase::Forming),
        next_steps: &["s2.sectors", "s2.sequence", "s2.scope-industry"],
        // The CEO champions, started, are also the table's role check.
        table_concerns: &["s3.ceo-champions"],
        table_notes: &[],
    },
    Case {
        // Launch planning looks nearly done, but nobody can say whether two CEOs have agreed to
        // sign the invitation. The old verdict called step 3 Strong and moved on to the launch.
        name: "Champions unknown (Prairie agriculture)",
        answers: &[
            ("s1.*", "D"),
            ("s2.*", "D"),
            ("s2.data", "S"),
            ("s3.*", "D"),
            ("s3.ceo-champions", "?"),
            ("s3.launch-at-business", "?"),
            ("s3.invite-sent", "S"),
            ("s3.invite-follow-up", "S"),
        ],
        placement: "You are at step 3, Prepare to launch.",
        // The region would know if two CEOs had said yes: not knowing reads as not yet.
        names: "Blocking: At least two CEO champions who will sign the invitation",
        also: "",
        blocked: &["s3.ceo-champions"],
        unconfirmed: &[],
        phase: None,
        next_steps: &["s3.ceo-champions", "s3.invite-sent", "s3.invite-follow-up"],
        table_concerns: &[],
        table_notes: &[],
    },
    Case {
        // The launch happened and people came, but no shared priorities came out of it. The
        // coach wants the priorities confirmed before anything else, then the follow-up that
        // keeps business leaders engaged: the summary and the first team calls.
        name: "Launched without priorities (Metro construction)",
        answers: &[
            ("s1.*", "D"),
            ("s2.*", "D"),
            ("s3.*", "D"),
            ("s4.*", "M"),
            ("s4.critical-mass", "D"),
            ("s4.shared-priorities", "N"),
            ("s4.commitments", "S"),
            ("s4.three-parts", "S"),
            ("s4.ongoing-engagement", "S"),
            ("s4.hold-back", "S"),
            ("s4.summary-sent", "N"),
            ("s4.team-calls", "N"),
            ("s5.action-teams", "S"),
            ("phase.norming.*", "A"),
            ("phase.norming.shared-vision", "d"),
            ("phase.norming.ways-of-working", "d"),
            ("phase.forming.*", "d"),
            ("phase.storming.*", "X"),
        ],
        placement: "You are at step 4, Launch.",
        names: "Blocking: A shared set of priorities from the launch",
        also: "",
        blocked: &["s4.shared-priorities", "s5.action-teams"],
        unconfirmed: &[],
        phase: Some(Phase::Norming),
        next_steps: &["s4.shared-priorities", "s4.summary-sent", "s4.team-calls"],
        table_concerns: &[],
        table_notes: &[],
    },
    Case {
        // Action teams exist around the priorities, but no business leader is taking the lead
        // and businesses give little. Storming shows in the costs and the tension.
        name: "Action teams with no business lead (Valley IT)",
        answers: &[
            ("s1.*", "D"),
            ("s2.*", "D"),
            ("s3.*", "D"),
            ("s4.*", "D"),
            ("s5.*", "M"),
            ("s5.teams-of-business", "S"),
            ("s5.lead-champions", "N"),
            ("s5.outcomes", "S"),
            ("s5.action-plan", "S"),
            ("s5.governance", "S"),
            ("s5.deeper-analysis", "?"),
            ("s5.partners-adapt", "S"),
            ("s5.industry-contributes", "N"),
            ("s5.industry-buzz", "S"),
            ("phase.forming.*", "X"),
            ("phase.norming.*", "d"),
            ("phase.storming.*", "a"),
            ("phase.storming.strain", "A"),
            ("pit.wasted-time", "Y"),
            ("pit.tension", "L"),
        ],
        placement: "You are at step 5, Move to action.",
        names: "Readiness",
        also: "Storming (reality hits) leads the phase profile; happening here: Meetings that waste busy partners' time",
        blocked: &[],
        unconfirmed: &[],
        phase: Some(Phase::Storming),
        // No gate holds step 5, so the storm comes first, then the meetings employers are
        // tiring of, then the weakest answer.
        next_steps: &["phase.storming", "pit.wasted-time", "s5.lead-champions"],
        table_concerns: &[],
        table_notes: &[],
    },
    Case {
        // A launch of 85 companies with 25 support people in the room, and a core planning
        // team bigger than the CEO group. Past sixty companies is a concern (the seed gives
        // twelve to sixty without a hedge), and so is being outnumbered by public partners.
        name: "Too big a launch (Gulf petrochemical)",
        answers: &[
            ("s1.*", "D"),
            ("s2.*", "D"),
            ("s3.*", "D"),
            ("s4.*", "M"),
            ("s4.critical-mass", "D"),
            ("s4.commitments", "S"),
            ("s4.champions-open-close", "D"),
            ("s4.debrief", "D"),
            ("s4.hold-back", "S"),
            ("s4.summary-sent", "D"),
            ("s5.action-teams", "S"),
            ("phase.norming.*", "A"),
            ("phase.forming.*", "d"),
            ("table.companies", "85"),
            ("table.launch-support-team", "25"),
            ("table.ceos", "9"),
            ("table.core-team", "14"),
            ("table.wider-team", "60"),
        ],
        placement: "You are at step 4, Launch.",
        names: "Readiness",
        also: "at the table: Companies at the launch (above the expected range), Core planning team (outnumbers the business leaders)",
        blocked: &["s5.action-teams"],
        unconfirmed: &[],
        phase: Some(Phase::Norming),
        // A room past sixty companies and public partners outnumbering the CEOs stand in the
        // way of an industry-led launch.
        next_steps: &["table.companies", "table.core-team", "s4.commitments"],
        table_concerns: &["table.companies", "table.core-team"],
        table_notes: &["table.launch-support-team"],
    },
    Case {
        // Everything is in place and the partnership runs without being pushed. The one thing
        // left to finish is the sustainability plan.
        name: "Sustaining well (High Plains IT)",
        answers: &[
            ("s1.*", "D"),
            ("s2.*", "D"),
            ("s3.*", "D"),
            ("s4.*", "D"),
            ("s5.*", "D"),
            ("s5.governance", "M"),
            ("s6.*", "D"),
            ("s6.sustainability-plan", "S"),
            ("phase.forming.*", "X"),
            ("phase.norming.*", "d"),
            ("phase.storming.*", "d"),
            ("phase.performing.*", "A"),
            ("table.companies", "38"),
            ("table.launch-support-team", "9"),
            ("table.ceos", "20"),
            ("table.core-team", "8"),
            ("table.wider-team", "60"),
            ("pit.*", "O"),
        ],
        // Without a sustainability plan, step 6 is not sustained, however well it runs.
        placement: "You are at step 6, Evolve and sustain.",
        names: "Blocking: A plan for sustaining the partnership",
        also: "",
        blocked: &["s6.sustainability-plan"],
        unconfirmed: &[],
        phase: Some(Phase::Performing),
        next_steps: &["s6.sustainability-plan"],
        table_concerns: &[],
        table_notes: &[],
    },
    Case {
        // A partnership that launched well and moved to action, then lost a grant. Reality
        // hits: costs, promises beyond the staff, tension, and no process yet to refresh the
        // agenda or a home that outlasts the grant.
        name: "Storming after a funding cut (Harbor maritime)",
        answers: &[
            ("s1.*", "D"),
            ("s2.*", "D"),
            ("s3.*", "D"),
            ("s4.*", "D"),
            ("s5.*", "D"),
            ("s5.project-management", "S"),
            ("s5.partners-assets", "S"),
            ("s6.*", "M"),
            ("s6.enduring-value", "S"),
            ("s6.home", "N"),
            ("s6.refresh", "S"),
            ("s6.sustainability-plan", "N"),
            ("s6.celebrate", "S"),
            ("s6.attend-action-teams", "S"),
            ("s6.attend-quarterly", "S"),
            ("phase.forming.*", "X"),
            ("phase.norming.*", "d"),
            ("phase.storming.*", "A"),
            ("pit.wasted-time", "L"),
            ("phase.performing.*", "d"),
            ("phase.performing.resources", "X"),
            ("pit.tension", "Y"),
            ("pit.understaffing", "Y"),
            ("pit.more-funding", "Y"),
        ],
        placement: "You are at step 6, Evolve and sustain.",
        names: "Blocking: A process to reassess and refresh the agenda; A plan for sustaining",
        also: "Storming (reality hits) leads the phase profile; happening here: Understaffing",
        blocked: &["s6.refresh", "s6.sustainability-plan"],
        unconfirmed: &[],
        phase: Some(Phase::Storming),
        // Both gates of step 6 first, the one not started first, then the storm itself.
        next_steps: &["s6.sustainability-plan", "s6.refresh", "phase.storming"],
        table_concerns: &[],
        table_notes: &[],
    },
    Case {
        // A mature partnership: every launch step done, the table right, then a funding cut.
        // Partners feel the strain, promises outrun the staff, tension shows, meetings start to
        // try the employers' patience and system leaders say they only need more money. The steps alone would call it sustaining; a coach
        // would start with the storm.
        name: "Mature partnership in a funding-cut storm (Riverbend advanced manufacturing)",
        answers: &[
            ("s*", "D"),
            ("phase.forming.*", "X"),
            ("phase.norming.*", "d"),
            ("phase.storming.*", "A"),
            ("phase.performing.*", "a"),
            ("table.companies", "30"),
            ("table.launch-support-team", "8"),
            ("table.ceos", "15"),
            ("table.core-team", "8"),
            ("table.wider-team", "30"),
            ("pit.*", "O"),
            ("pit.understaffing", "Y"),
            ("pit.tension", "Y"),
            ("pit.more-funding", "Y"),
            ("pit.wasted-time", "L"),
        ],
        placement: "Every launch step is Strong with its gates met, but the partnership is not sustaining its work yet",
        names: "",
        also: "Storming (reality hits) leads the phase profile; happening here: Understaffing, Tension over money, roles or missions, \"We just need more funding\"",
        blocked: &[],
        unconfirmed: &[],
        phase: Some(Phase::Storming),
        next_steps: &["phase.storming", "pit.understaffing", "pit.tension"],
        table_concerns: &[],
        table_notes: &[],
    },
    Case {
        // Everything done and running, except that nobody has written down how the
        // partnership will outlast its current staff and money.
        name: "All steps done, no sustainability plan (Lakeview health care)",
        answers: &[("s*", "D"), ("s6.sustainability-plan", "N")],
        placement: "You are at step 6, Evolve and sustain.",
        names: "Blocking: A plan for sustaining the partnership",
        also: "",
        blocked: &["s6.sustainability-plan"],
        unconfirmed: &[],
        phase: None,
        next_steps: &["s6.sustainability-plan"],
        table_concerns: &[],
        table_notes: &[],
    },
    Case {
        // A big launch (forty companies) that set up no action-team calls and no action teams.
        // Questions about the teams' members wait; the bridge comes first: the short calls
        // after the launch, then a lead champion per priority.
        name: "Launched with forty companies and no action teams (Summit manufacturing)",
        answers: &[
            ("s1.*", "D"),
            ("s2.*", "D"),
            ("s3.*", "D"),
            ("s4.*", "D"),
            ("s4.team-calls", "N"),
            ("s5.*", "N"),
            ("table.companies", "40"),
        ],
        placement: "You are at step 5, Move to action.",
        names: "Blocking: Action teams set up around the businesses' priorities",
        also: "",
        blocked: &["s5.action-teams"],
        unconfirmed: &[],
        phase: None,
        next_steps: &["s5.action-teams", "s4.team-calls", "s5.lead-champions"],
        table_concerns: &[],
        table_notes: &[],
    },
    Case {
        // The team and the scope are settled; nobody answering knows whether any CEO has
        // agreed to sign the invitation. The region would know if two had said yes.
        name: "Steps 1 and 2 done, champions unknown (Delta food processing)",
        answers: &[("s1.*", "D"), ("s2.*", "D"), ("s3.ceo-champions", "?")],
        placement: "You are at step 3, Prepare to launch.",
        names: "Blocking: At least two CEO champions who will sign the invitation",
        also: "",
        blocked: &["s3.ceo-champions"],
        unconfirmed: &[],
        phase: None,
        next_steps: &["s3.ceo-champions"],
        table_concerns: &[],
        table_notes: &[],
    },
    Case {
        // A year on, the plan is written and nothing else stands: the only verdict that may
        // say the partnership is sustaining its work.
        name: "Sustaining, with its plan (High Plains IT, a year on)",
        answers: &[
            ("s*", "D"),
            ("phase.forming.*", "X"),
            ("phase.norming.*", "d"),
            ("phase.storming.*", "X"),
            ("phase.performing.*", "A"),
            ("table.companies", "38"),
            ("table.launch-support-team", "9"),
            ("table.ceos", "20"),
            ("table.core-team", "8"),
            ("table.wider-team", "60"),
            ("pit.*", "O"),
        ],
        placement: "Every launch step is Strong and nothing is blocking: the partnership is sustaining its work.",
        names: "",
        also: "",
        blocked: &[],
        unconfirmed: &[],
        phase: Some(Phase::Performing),
        next_steps: &[],
        table_concerns: &[],
        table_notes: &[],
    },
];

/// Reads one answer letter or number for a question of this kind.
fn answer_of(kind: &QuestionKind, letter: &str, id: &str) -> Answer {
    match (kind, letter) {
        (_, "?") => Answer::DontKnow,
        (_, "-") => Answer::NotApplicable,
        (QuestionKind::Scale, "D") => Answer::Scale(ScalePoint::Done),
        (QuestionKind::Scale, "M") => Answer::Scale(ScalePoint::Mostly),
        (QuestionKind::Scale, "S") => Answer::Scale(ScalePoint::Started),
        (QuestionKind::Scale, "N") => Answer::Scale(ScalePoint::NotYet),
        (QuestionKind::Agreement(_), "A") => Answer::Agreement(Agreement::Agree),
        (QuestionKind::Agreement(_), "a") => Answer::Agreement(Agreement::SomewhatAgree),
        (QuestionKind::Agreement(_), "d") => Answer::Agreement(Agreement::SomewhatDisagree),
        (QuestionKind::Agreement(_), "X") => Answer::Agreement(Agreement::Disagree),
        (QuestionKind::Pitfall(_), "Y") => Answer::Pitfall(PitfallLevel::Yes),
        (QuestionKind::Pitfall(_), "L") => Answer::Pitfall(PitfallLevel::ALittle),
        (QuestionKind::Pitfall(_), "O") => Answer::Pitfall(PitfallLevel::No),
        (QuestionKind::Count(_), n) => Answer::Count(n.parse().expect("a count")),
        // A fact asked yes or no inside a step takes the step's letters too: done is yes.
        (QuestionKind::YesNo { .. }, "Y" | "D" | "M") => Answer::YesNo(true),
        (QuestionKind::YesNo { .. }, "N" | "S") => Answer::YesNo(false),
        _ => panic!("{letter:?} is not an answer for {id}"),
    }
}

fn assessment_of(case: &Case) -> Assessment {
    let bank = Bank::builtin();
    let mut a = Assessment::new(bank);
    a.meta.name = case.name.to_string();
    for (pattern, letter) in case.answers {
        let matched: Vec<&Question> = match pattern.strip_suffix('*') {
            Some(prefix) => bank
                .questions()
                .filter(|q| q.id().starts_with(prefix))
                .collect(),
            None => bank.question(pattern).into_iter().collect(),
        };
        assert!(
            !matched.is_empty(),
            "{}: {pattern} names no question",
            case.name
        );
        for q in matched {
            a.set_answer(q.id(), answer_of(q.kind(), letter, q.id()));
        }
    }
    a
}

#[test]
fn coach_cases_read_as_a_coach_would() {
    let bank = Bank::builtin();
    for case in CASES {
        let a = assessment_of(case);
        let r = report(bank, &a);
        let name = case.name;
        let sentence = r.lead();
        assert!(
            sentence.starts_with(case.placement),
            "{name}: where you are reads {sentence:?}"
        );
        assert!(
            sentence.contains(case.names),
            "{name}: where you are reads {sentence:?}"
        );
        match (case.also, r.also_in_the_way()) {
            ("", None) => {}
            ("", Some(line)) => panic!("{name}: no finding expected, the report says {line:?}"),
            (phrase, Some(line)) => assert!(line.contains(phrase), "{name}: {line:?}"),
            (phrase, None) => panic!("{name}: expected a finding naming {phrase:?}"),
        }
        // "Nothing is blocking" and "sustaining" only when nothing stands in the way.
        if sentence.contains("nothing is blocking") || sentence.contains("is sustaining its work") {
            assert!(
                r.findings.is_empty() && r.blocked_gates().is_empty(),
                "{name}"
            );
        }
        let ids = |questions: Vec<&Question>| -> Vec<String> {
            questions.iter().map(|q| q.id().to_string()).collect()
        };
        assert_eq!(
            ids(r.blocked_gates()),
            case.blocked,
            "{name}: blocked gates"
        );
        assert_eq!(
            ids(r.gates_to_confirm()),
            case.unconfirmed,
            "{name}: gates to confirm"
        );
        assert_eq!(r.phases.leading, case.phase, "{name}: leading phase");
        let steps = r.next_steps();
        let next: Vec<&str> = steps.iter().map(|n| n.id()).collect();
        assert_eq!(next, case.next_steps, "{name}: next steps");
        let concerns: Vec<&str> = r.table_concerns().map(|c| c.question.id()).collect();
        assert_eq!(concerns, case.table_concerns, "{name}: table concerns");
        let notes: Vec<&str> = r.table_notes().map(|c| c.question.id()).collect();
        assert_eq!(notes, case.table_notes, "{name}: table notes");
        for check in r.table_concerns().chain(r.table_notes()) {
            assert!(
                check.advice.is_some_and(|advice| advice.len() > 20),
                "{name}: {} is flagged without advice",
                check.question.id()
            );
        }
        assert!(r.ignored.is_empty(), "{name}: {:?}", r.ignored);
    }
    assert!(CASES.len() >= 14);
}
