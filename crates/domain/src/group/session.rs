//! Session mode: one launch step of the group view, as a coach puts it on a projector in the
//! module session. Owned words and numbers, made by one call ([`session_step`]), so the slide
//! only draws them beside the group view's charts.
//!
//! A slide holds what a room can talk about in a few minutes: the step's readiness, its most
//! disputed questions (widest spread first, at most [`MOST_DISPUTED`]) and the gates someone
//! blocks or has not confirmed. It names respondents only by the labels the coach chose.

use std::cmp::Reverse;

use super::{GateTally, GroupView, QuestionRow, Respondent};
use crate::assessment::Assessment;

/// The most questions a slide lists: more would not fit a projector at a readable size.
pub const MOST_DISPUTED: usize = 5;

/// What the presenter shows when no one is left to present: its heading and the reason, with
/// what to do.
pub const NOTHING_TO_PRESENT: [&str; 2] = [
    "Nothing to present",
    "There is no one to show: the report is not on this device, or every respondent is hidden \
     or removed. Leave, and add or show respondents on the Compare screen.",
];

/// One launch step of the group, ready to present.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionStep {
    /// The step's position among the launch steps, from 0; always within them (or 0 when
    /// the bank has none).
    pub index: usize,
    /// How many launch steps there are.
    pub steps: usize,
    /// The step's section id, e.g. `"s3"`, for the address.
    pub section_id: String,
    /// The section id of the step before, if any.
    pub previous: Option<String>,
    /// The section id of the step after, if any.
    pub next: Option<String>,
    /// "Step 3 of 6 · Prepare to launch".
    pub heading: String,
    /// The step's readiness across the group, in words.
    pub readiness: String,
    /// What the question list is: the most disputed questions, or for a group of one, the
    /// weakest answers.
    pub questions_title: String,
    /// The step's questions worth talking about, at most [`MOST_DISPUTED`].
    pub questions: Vec<DisputedQuestion>,
    /// Said instead of the list when nobody answered a question of the step.
    pub no_questions: Option<String>,
    /// The step's gates someone blocks or has not confirmed.
    pub gates: Vec<GateLine>,
    /// Said instead of the gates when none is left to talk about.
    pub no_gates: Option<String>,
}

/// One of a slide's questions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisputedQuestion {
    /// Its position in the group view's `questions`, where its answers are, for the bar.
    pub row: usize,
    /// The question's stable id.
    pub id: String,
    /// The question.
    pub text: String,
    /// How far apart the answers are, in scale points.
    pub spread: u8,
    /// The spread in words: "two apart: Started to Done".
    pub spread_in_words: String,
    /// Whether the answers are far enough apart to count as a disagreement.
    pub disagreement: bool,
}

/// A gate of the step and how it stands across the group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GateLine {
    /// The gate's short label, e.g. "An agreed lead convener".
    pub label: String,
    /// "blocked for 2, not confirmed by 1, met by 3 of 6".
    pub counts: String,
}

/// The slide of the launch step at `step` (from 0) of `view`. A step past the last shows the
/// last, so a stale address still opens a slide.
pub fn session_step(view: &GroupView<'_>, step: usize) -> SessionStep {
    let steps = view.steps.len();
    let index = step.min(steps.saturating_sub(1));
    let Some(row) = view.steps.get(index) else {
        return SessionStep {
            index: 0,
            steps: 0,
            section_id: String::new(),
            previous: None,
            next: None,
            heading: "No launch steps".to_string(),
            readiness: String::new(),
            questions_title: String::new(),
            questions: Vec::new(),
            no_questions: Some("This question bank has no launch steps to present.".to_string()),
            gates: Vec::new(),
            no_gates: None,
        };
    };
    let section = row.section;
    let group = view.respondents.len();
    let number = section.step().map_or(index + 1, usize::from);

    let readiness = readiness_in_words(&row.readiness, row.min, row.max, row.mean);

    let mut questions: Vec<(usize, &QuestionRow<'_>)> = view
        .questions
        .iter()
        .enumerate()
        .filter(|(_, question)| question.section.id() == section.id())
        .collect();
    // Widest spread first; among equals, a flagged disagreement, then the weakest answers
    // (a group of one has no spread, so its slide lists its weakest answers), then the group
    // view's own order.
    questions.sort_by_key(|(_, question)| {
        (
            Reverse(question.spread()),
            !question.disagreement,
            weakness(question),
        )
    });
    let questions: Vec<DisputedQuestion> = questions
        .into_iter()
        .take(MOST_DISPUTED)
        .map(|(at, question)| DisputedQuestion {
            row: at,
            id: question.question.id().to_string(),
            text: question.question.text().to_string(),
            spread: question.spread(),
            spread_in_words: question.spread_in_words(view.bank),
            disagreement: question.disagreement,
        })
        .collect();
    let no_questions = questions
        .is_empty()
        .then(|| "Nobody has answered a question of this step yet.".to_string());

    let gates: Vec<GateLine> = row
        .gates
        .iter()
        .filter(|gate| gate.to_talk_about())
        .map(|gate| gate_line(gate, group))
        .collect();
    let no_gates = gates.is_empty().then(|| {
        if row.gates.is_empty() {
            "This step has no gates.".to_string()
        } else if group == 1 {
            "None: every gate of this step is met.".to_string()
        } else {
            format!("None: every gate of this step is met by all {group}.")
        }
    });

    SessionStep {
        index,
        steps,
        section_id: section.id().to_string(),
        previous: index
            .checked_sub(1)
            .and_then(|at| view.steps.get(at))
            .map(|row| row.section.id().to_string()),
        next: view
            .steps
            .get(index + 1)
            .map(|row| row.section.id().to_string()),
        heading: format!("Step {number} of {steps} · {}", section.title()),
        readiness,
        questions_title: if group == 1 {
            "Weakest answers".to_string()
        } else {
            "Most disputed questions".to_string()
        },
        questions,
        no_questions,
        gates,
        no_gates,
    }
}

/// The position among the launch steps of the step with this section id; the first step
/// for none or an id that is not a launch step, so any address opens a slide.
pub fn step_index(view: &GroupView<'_>, section_id: Option<&str>) -> usize {
    section_id
        .and_then(|id| view.steps.iter().position(|row| row.section.id() == id))
        .unwrap_or(0)
}

/// A step's readiness across the group: "Readiness from 20% to 80%, 54% on average (4 of 6
/// answered enough)", or plainly "Readiness 40%" for a group of one.
fn readiness_in_words(
    figures: &[Option<u8>],
    min: Option<u8>,
    max: Option<u8>,
    mean: Option<u8>,
) -> String {
    let judged = figures.iter().flatten().count();
    let (Some(min), Some(max), Some(mean)) = (min, max, mean) else {
        return "Not enough answers to judge this step's readiness yet".to_string();
    };
    let figure = if min == max {
        format!("Readiness {min}%")
    } else {
        format!("Readiness from {min}% to {max}%, {mean}% on average")
    };
    if judged < figures.len() {
        format!("{figure} ({judged} of {} answered enough)", figures.len())
    } else {
        figure
    }
}

/// Orders equally spread questions from the weakest mean up; questions with no answer on the
/// scale come last.
fn weakness(question: &QuestionRow<'_>) -> u32 {
    // The mean is a scale position from 0 to 3, so a thousandth is finer than any two means
    // of a realistic group differ by.
    question
        .mean
        .map_or(u32::MAX, |mean| (mean.max(0.0) * 1000.0) as u32)
}

fn gate_line(gate: &GateTally<'_>, group: usize) -> GateLine {
    GateLine {
        label: gate.question.gate_label().to_string(),
        counts: gate.counts_in_words(group),
    }
}

/// One assessment presented alone, as a group of one: labelled with the respondent's role, or
/// else the assessment's name, never its region or date, which the room need not see.
pub fn presented_alone(assessment: Assessment) -> Respondent {
    let label = [&assessment.meta.respondent_role, &assessment.meta.name]
        .into_iter()
        .map(|text| text.trim())
        .find(|text| !text.is_empty())
        .unwrap_or("This assessment")
        .to_string();
    Respondent::new(label, assessment)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::{Answer, ScalePoint};
    use crate::bank::Bank;
    use crate::group::group_view;

    const DONE: Answer = Answer::Scale(ScalePoint::Done);
    const MOSTLY: Answer = Answer::Scale(ScalePoint::Mostly);
    const STARTED: Answer = Answer::Scale(ScalePoint::Started);
    const NOT_YET: Answer = Answer::Scale(ScalePoint::NotYet);

    fn bank() -> &'static Bank {
        Bank::builtin()
    }

    /// Respondents named A, B, C, ... each giving the listed answers.
    fn group(answers: &[&[(&str, Answer)]]) -> Vec<Respondent> {
        answers
            .iter()
            .zip('A'..)
            .map(|(answers, label)| {
                let mut assessment = Assessment::new(bank());
                for (id, answer) in *answers {
                    assessment.set_answer(*id, *answer);
                }
                Respondent::new(label.to_string(), assessment)
            })
            .collect()
    }

    /// The ids of step 1's questions, in bank order.
    fn step_one() -> Vec<&'static str> {
        bank().sections()[0]
            .questions()
            .iter()
            .map(|question| question.id())
            .collect()
    }

    #[test]
    fn the_heading_counts_the_steps_and_a_step_out_of_range_shows_the_last() {
        let people = group(&[&[]]);
        let view = group_view(bank(), &people);
        let first = session_step(&view, 0);
        assert_eq!(first.index, 0);
        assert_eq!(first.steps, 6);
        assert_eq!(first.section_id, "s1");
        assert!(
            first.heading.starts_with("Step 1 of 6 · "),
            "{}",
            first.heading
        );
        let third = session_step(&view, 2);
        assert_eq!(third.heading, "Step 3 of 6 · Prepare to launch");
        assert_eq!(first.previous, None);
        assert_eq!(first.next.as_deref(), Some("s2"));
        assert_eq!(third.previous.as_deref(), Some("s2"));
        assert_eq!(third.next.as_deref(), Some("s4"));
        assert_eq!(step_index(&view, Some("s3")), 2);
        assert_eq!(step_index(&view, Some("phases")), 0);
        assert_eq!(step_index(&view, None), 0);
        let past = session_step(&view, 99);
        assert_eq!(past.next, None);
        assert_eq!(past.index, 5);
        assert_eq!(past.section_id, "s6");
        assert_eq!(past, session_step(&view, 5));
    }

    #[test]
    fn the_most_disputed_questions_come_widest_first_and_at_most_five() {
        let ids = step_one();
        assert!(
            ids.len() > MOST_DISPUTED,
            "step 1 has more questions than a slide"
        );
        // Spreads: ids[0] none (all Done), ids[1] one apart, ids[2] three apart, ids[3] two
        // apart, ids[4] one apart at a lower mean than ids[1], ids[5] two apart at a lower
        // mean than ids[3]. At equal spread the weaker answers come first.
        let people = group(&[
            &[
                (ids[0], DONE),
                (ids[1], MOSTLY),
                (ids[2], NOT_YET),
                (ids[3], STARTED),
                (ids[4], NOT_YET),
                (ids[5], NOT_YET),
            ],
            &[
                (ids[0], DONE),
                (ids[1], DONE),
                (ids[2], DONE),
                (ids[3], DONE),
                (ids[4], STARTED),
                (ids[5], MOSTLY),
            ],
        ]);
        let view = group_view(bank(), &people);
        let slide = session_step(&view, 0);
        let order: Vec<&str> = slide.questions.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(order, [ids[2], ids[5], ids[3], ids[4], ids[1]]);
        let spreads: Vec<u8> = slide.questions.iter().map(|q| q.spread).collect();
        assert_eq!(spreads, [3, 2, 2, 1, 1]);
        assert_eq!(
            slide.questions[0].spread_in_words,
            "three apart: Not yet to Done"
        );
        assert!(slide.questions[0].disagreement);
        assert!(!slide.questions[4].disagreement);
        assert_eq!(slide.questions_title, "Most disputed questions");
        for question in &slide.questions {
            assert_eq!(view.questions[question.row].question.id(), question.id);
        }
        assert_eq!(slide.no_questions, None);
        assert_eq!(
            slide.readiness,
            format!(
                "Readiness from {}% to {}%, {}% on average",
                view.steps[0].min.unwrap_or_default(),
                view.steps[0].max.unwrap_or_default(),
                view.steps[0].mean.unwrap_or_default()
            )
        );
    }

    #[test]
    fn a_group_of_one_lists_its_weakest_answers() {
        let ids = step_one();
        let people = vec![presented_alone({
            let mut assessment = Assessment::new(bank());
            assessment.meta.respondent_role = "  College partner ".into();
            assessment.meta.region = "North Valley".into();
            assessment.set_answer(ids[0], DONE);
            assessment.set_answer(ids[1], NOT_YET);
            assessment.set_answer(ids[2], MOSTLY);
            assessment.set_answer(ids[3], Answer::DontKnow);
            assessment
        })];
        assert_eq!(people[0].label, "College partner");
        let view = group_view(bank(), &people);
        let slide = session_step(&view, 0);
        assert_eq!(slide.questions_title, "Weakest answers");
        let order: Vec<&str> = slide.questions.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(order, [ids[1], ids[2], ids[0], ids[3]]);
        assert_eq!(slide.questions[3].spread_in_words, "no answer on the scale");
    }

    #[test]
    fn gates_to_talk_about_say_how_they_stand() {
        let gate = "s1.convener";
        let people = group(&[
            &[(gate, NOT_YET)],
            &[(gate, Answer::DontKnow)],
            &[(gate, DONE)],
        ]);
        let view = group_view(bank(), &people);
        let slide = session_step(&view, 0);
        assert_eq!(slide.gates.len(), 1);
        assert_eq!(
            slide.gates[0].label,
            bank()
                .question(gate)
                .map(|q| q.gate_label().to_string())
                .unwrap_or_default()
        );
        assert_eq!(
            slide.gates[0].counts,
            "blocked for 1, not confirmed by 1, met by 1 of 3"
        );
        assert_eq!(slide.no_gates, None);
    }

    #[test]
    fn a_step_with_nothing_to_talk_about_says_so_plainly() {
        let gate = "s1.convener";
        let people = group(&[&[(gate, DONE)], &[(gate, MOSTLY)]]);
        let view = group_view(bank(), &people);
        let slide = session_step(&view, 0);
        assert!(slide.gates.is_empty());
        assert_eq!(
            slide.no_gates.as_deref(),
            Some("None: every gate of this step is met by all 2.")
        );
        // Nobody answered step 2: no questions, no figure, and its gate unconfirmed by both.
        let second = session_step(&view, 1);
        assert!(second.questions.is_empty());
        assert_eq!(
            second.no_questions.as_deref(),
            Some("Nobody has answered a question of this step yet.")
        );
        assert_eq!(
            second.readiness,
            "Not enough answers to judge this step's readiness yet"
        );
        assert_eq!(second.gates.len(), 1);
        assert_eq!(second.gates[0].counts, "not confirmed by 2, met by 0 of 2");
    }

    #[test]
    fn one_assessment_is_labelled_by_role_then_name_never_region() {
        let mut assessment = Assessment::new(bank());
        assessment.meta.region = "North Valley".into();
        assessment.meta.date = "2026-11-23".into();
        assert_eq!(presented_alone(assessment.clone()).label, "This assessment");
        assessment.meta.name = "Spring check".into();
        assert_eq!(presented_alone(assessment.clone()).label, "Spring check");
        assessment.meta.respondent_role = "Convener".into();
        assert_eq!(presented_alone(assessment).label, "Convener");
    }
}
