//! How long the group view takes: the median time to put 50 and 200 respondents side by side
//! over the whole built-in bank, and to write the CSV and JSON of 200.
//!
//! This is a measurement to read, not a test with a time limit: machines differ too much for a
//! timed assertion to mean anything. Run it with `cargo bench -p readiness-core --bench group`.

use std::hint::black_box;

mod timing;
use timing::median;

use readiness_core::{
    group_csv, group_json, group_view, Agreement, Answer, Assessment, Bank, PitfallLevel,
    QuestionKind, Respondent, ScalePoint,
};

/// A small, seeded random number generator (xorshift), so every run measures the same answers
/// without a dependency.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number from 0 to `below - 1`.
    fn roll(&mut self, below: u64) -> u64 {
        self.next() % below
    }
}

/// One person's answers, as people from one partnership give them: most questions answered,
/// usually within a point of the partnership's shared view (`shared`, one position per
/// question), sometimes far from it, now and then Don't know or Not applicable.
fn respondent(bank: &Bank, shared: &[u64], dice: &mut Dice, at: usize) -> Respondent {
    let mut assessment = Assessment::new(bank);
    for (question, &centre) in bank.questions().zip(shared) {
        let roll = dice.roll(100);
        if roll < 12 {
            continue;
        }
        let answer = if roll < 20 {
            Answer::DontKnow
        } else if roll < 22 {
            Answer::NotApplicable
        } else {
            // Within a point of the shared view most of the time, anywhere one time in five.
            let position = if dice.roll(5) == 0 {
                dice.roll(4)
            } else {
                (centre + dice.roll(3)).saturating_sub(1)
            };
            match question.kind() {
                QuestionKind::Scale => Answer::Scale(ScalePoint::ALL[position.min(3) as usize]),
                QuestionKind::Agreement(_) => {
                    Answer::Agreement(Agreement::ALL[position.min(3) as usize])
                }
                QuestionKind::Pitfall(_) => {
                    Answer::Pitfall(PitfallLevel::ALL[position.min(2) as usize])
                }
                QuestionKind::YesNo { .. } => Answer::YesNo(position >= 2),
                QuestionKind::Count(_) => Answer::Count((centre * 5 + dice.roll(12)) as u32),
            }
        };
        assessment.set_answer(question.id(), answer);
    }
    assessment.meta.region = "North Valley".to_string();
    assessment.meta.respondent_role = format!("Partner {at}");
    Respondent::new(format!("Respondent {at}"), assessment)
}

/// `count` respondents from one partnership, answering the whole bank.
fn respondents(bank: &Bank, count: usize) -> Vec<Respondent> {
    let mut dice = Dice(0x5EC7_0125);
    let shared: Vec<u64> = bank.questions().map(|_| dice.roll(4)).collect();
    (0..count)
        .map(|at| respondent(bank, &shared, &mut dice, at))
        .collect()
}

fn main() {
    // `cargo bench` passes `--bench`; any other argument is a filter we do not need.
    let bank = Bank::builtin();
    let questions = bank.questions().count();
    println!("group view on the built-in bank ({questions} questions), median of the runs shown:");
    for (count, runs) in [(50, 200), (200, 50)] {
        let people = respondents(bank, count);
        let view_time = median(runs, || {
            black_box(group_view(black_box(bank), black_box(&people)));
        });
        let view = group_view(bank, &people);
        let flagged = view.questions.iter().filter(|r| r.disagreement).count();
        println!(
            "  group_view, {count:>3} respondents: {view_time:>12.2?}  ({runs} runs; {flagged} of {} questions flagged)",
            view.questions.len()
        );
        if count == 200 {
            let csv_time = median(runs, || {
                black_box(group_csv(black_box(&view)));
            });
            let json_time = median(runs / 5, || {
                black_box(group_json(black_box(&view)));
            });
            let csv_kb = group_csv(&view).len() / 1024;
            println!("  group_csv,  {count:>3} respondents: {csv_time:>12.2?}  ({runs} runs; {csv_kb} KB)");
            println!(
                "  group_json, {count:>3} respondents: {json_time:>12.2?}  ({} runs)",
                runs / 5
            );
        }
    }
}
