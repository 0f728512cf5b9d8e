//! Made-up answers for the examples, benchmarks and tests: varied with a fixed-seed generator,
//! so every run makes the same results, and each result differs from the others as real ones
//! would. Nothing in the app calls it.

use crate::answer::{Agreement, Answer, PitfallLevel, ScalePoint};
use crate::assessment::Assessment;
use crate::bank::{Bank, QuestionKind};

/// A fixed-seed generator of numbers (a linear congruential one).
#[derive(Debug, Clone)]
pub struct Dice(u64);

impl Dice {
    /// The generator every example and benchmark starts from.
    pub fn new() -> Self {
        Dice(0x5eed)
    }

    /// A number from 0 to `below - 1`.
    pub fn roll(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }
}

impl Default for Dice {
    fn default() -> Self {
        Self::new()
    }
}

/// Answers every question of the bank at random: about one in ten left unanswered, one in
/// twenty Don't know, the others any answer the question takes.
pub fn answer_at_random(bank: &Bank, assessment: &mut Assessment, dice: &mut Dice) {
    for question in bank.questions() {
        let answer = match (dice.roll(20), question.kind()) {
            (0 | 1, _) => continue,
            (2, _) => Answer::DontKnow,
            (_, QuestionKind::Scale) => Answer::Scale(ScalePoint::ALL[dice.roll(4) as usize]),
            (_, QuestionKind::Agreement(_)) => {
                Answer::Agreement(Agreement::ALL[dice.roll(4) as usize])
            }
            (_, QuestionKind::Count(_)) => Answer::Count(dice.roll(40) as u32 + 1),
            (_, QuestionKind::YesNo { .. }) => Answer::YesNo(dice.roll(2) == 0),
            (_, QuestionKind::Pitfall(_)) => {
                Answer::Pitfall(PitfallLevel::ALL[dice.roll(3) as usize])
            }
        };
        assessment.set_answer(question.id(), answer);
    }
}
