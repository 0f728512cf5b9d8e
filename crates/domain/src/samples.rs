//! Sample values the tests of several crates share: a coach's session, a respondent, a result
//! of a partnership and a portfolio of four partnerships. Not used by the app.

use crate::answer::{Answer, ScalePoint};
use crate::assessment::{Assessment, CoachSession};
use crate::bank::{Bank, QuestionKind};
use crate::group::Respondent;
use crate::portfolio::{Partnership, Portfolio, PortfolioResult};

/// A coach's session with every field filled in, asking about steps 1 to 3.
pub fn coach_session() -> CoachSession {
    CoachSession {
        coach_name: "Dana Whitfield".into(),
        session_name: "Module 3: preparing to launch".into(),
        session_date: "2026-12-04".into(),
        region: "North Valley".into(),
        sector: "Advanced manufacturing".into(),
        message: "Please answer steps 1 to 3 before we meet; don't worry about gaps.".into(),
        return_email: "coach@example.org".into(),
        scope: ["s1", "s2", "s3"].map(String::from).into(),
    }
}

/// A respondent labelled `label` who gave these answers, against the built-in bank.
pub fn respondent(label: &str, answers: &[(&str, Answer)]) -> Respondent {
    let mut assessment = Assessment::new(Bank::builtin());
    for (id, answer) in answers {
        assessment.set_answer(*id, *answer);
    }
    Respondent::new(label, assessment)
}

/// A result of the partnership of `region` and `sector`, dated `date`, added from a share link
/// at `added_ms`, with no answer.
pub fn partnership_result(
    region: &str,
    sector: &str,
    date: &str,
    added_ms: u64,
) -> PortfolioResult {
    let mut assessment = Assessment::new(Bank::builtin());
    assessment.meta.region = region.into();
    assessment.meta.sector = sector.into();
    assessment.meta.date = date.into();
    PortfolioResult {
        assessment,
        origin: "share link".into(),
        left_out: Vec::new(),
        added_ms,
    }
}

/// A portfolio of four partnerships at different places: one blocked at step 1 asking for
/// facilitation, one past every launch step, one asking for facilitation, one undated.
pub fn four_partnerships() -> Portfolio {
    let mut portfolio = Portfolio::default();
    // At step 1, blocked: the convener is not yet in place.
    let mut blocked = partnership_result("North Valley", "Health care", "2026-09-01", 1);
    blocked
        .assessment
        .set_answer("s1.convener", Answer::Scale(ScalePoint::NotYet));
    blocked.assessment.set_help_area("facilitation", true);
    portfolio.add(blocked);
    // Every question answered Done: past every launch step.
    let mut done = partnership_result("East Bay", "Construction", "2026-10-01", 2);
    for question in Bank::builtin().questions() {
        if let QuestionKind::Scale = question.kind() {
            done.assessment
                .set_answer(question.id(), Answer::Scale(ScalePoint::Done));
        }
    }
    portfolio.add(done);
    let mut asks = partnership_result("Coastal", "Logistics", "2026-05-01", 3);
    asks.assessment.set_help_area("facilitation", true);
    portfolio.add(asks);
    portfolio.add(partnership_result("Alpine", "Tourism", "", 4));
    portfolio
}

/// Every row's name, in the portfolio's order.
pub fn partnership_labels(portfolio: &Portfolio) -> Vec<String> {
    portfolio
        .partnerships()
        .iter()
        .map(Partnership::label)
        .collect()
}

/// An assessment of the built-in bank with one pick per question, in bank order (property
/// tests draw the picks): each question answered in any way it accepts, or left unanswered.
pub fn assessment_from_picks(picks: &[u32]) -> Assessment {
    let bank = Bank::builtin();
    let mut assessment = Assessment::new(bank);
    for (question, &pick) in bank.questions().zip(picks) {
        let mut options: Vec<Answer> = bank.choices(question).iter().map(|c| c.answer).collect();
        if matches!(question.kind(), QuestionKind::Count(_)) {
            options.push(Answer::Count(pick % 70));
        }
        let index = (pick / 7) as usize % (options.len() + 1);
        if let Some(answer) = options.get(index) {
            assessment.set_answer(question.id(), *answer);
        }
    }
    assessment
}
