//! The portfolio at a glance: counts first, one row per partnership with where it stands and
//! what holds it, the heat map's cells of readiness by launch step (in the group view's picture
//! language: a shade of readiness, "blocked" or "confirm?" in words), and who asks for help in
//! each area. Each partnership is read from its current result with the rules of the bank that
//! is current, as a shared report is.

use std::cmp::Ordering;

use crate::bank::{Bank, HelpArea, Phase, Question, Section};
use crate::group::shown_readiness;
use crate::report::{report, FindingKind};
use crate::scoring::{GateState, WhereYouAre};

use super::{name_order, Partnership, Portfolio};

/// How the rows are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PortfolioSort {
    /// By the launch step each is at, the earliest first (those past every step last); within a
    /// step, the blocked first.
    #[default]
    Step,
    /// By the date of the current result, the newest first.
    Date,
    /// By region, then sector, as a person reads names ([`name_order`]); those naming no
    /// region last.
    Region,
    /// By the first help area each asks for, in the bank's order; those asking for none last.
    HelpArea,
}

/// Which launch step a filter keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepFilter {
    /// Partnerships at this launch step.
    At(u8),
    /// Partnerships past every launch step (or every one their coach asked about).
    PastEvery,
}

/// Which rows to show; every part left at its default keeps every row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PortfolioFilter {
    /// Only partnerships at this step.
    pub step: Option<StepFilter>,
    /// Only partnerships that ask for help in the area with this id.
    pub help_area: Option<String>,
    /// Only partnerships whose leading phase is this one.
    pub phase: Option<Phase>,
    /// Only partnerships a gate blocks.
    pub blocked_only: bool,
}

impl PortfolioFilter {
    /// True when the filter keeps every row.
    pub fn keeps_all(&self) -> bool {
        *self == PortfolioFilter::default()
    }

    fn keeps(&self, row: &PartnershipRow) -> bool {
        let step = match self.step {
            None => true,
            Some(StepFilter::At(step)) => row.step == Some(step),
            Some(StepFilter::PastEvery) => row.step.is_none(),
        };
        let area = self
            .help_area
            .as_deref()
            .is_none_or(|id| row.help.iter().any(|area| area.id() == id));
        let phase = self
            .phase
            .is_none_or(|phase| row.leading_phase == Some(phase));
        step && area && phase && (!self.blocked_only || row.blocked)
    }
}

/// One launch step of one partnership, as a cell of the heat map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepCell {
    /// The step's readiness; `None` when too few of its questions are answered to say.
    pub readiness: Option<u8>,
    /// A gate of the step is answered Not yet or Started.
    pub blocked: bool,
    /// The step is begun and a gate of it is not confirmed (and none blocked).
    pub to_confirm: bool,
}

impl StepCell {
    /// The cell in words, as the heat map's cell and its screen-reader text say it:
    /// "blocked, 45%", "confirm?, 80%", "62%", or "not enough answers".
    pub fn in_words(&self) -> String {
        let figure = self
            .readiness
            .map_or_else(|| "not enough answers".to_string(), |pct| format!("{pct}%"));
        if self.blocked {
            format!("blocked, {figure}")
        } else if self.to_confirm {
            format!("confirm?, {figure}")
        } else {
            figure
        }
    }
}

/// One partnership, read from its current result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnershipRow<'a> {
    /// The row's key.
    pub key: u32,
    /// The row's name.
    pub label: String,
    /// The region and sector as the current result writes them.
    pub region: &'a str,
    /// The sector.
    pub sector: &'a str,
    /// The launch step it is at; `None` past every step (or every one its coach asked about).
    pub step: Option<u8>,
    /// Where it stands, shortly: "Step 2, Define the scope: Developing (55%)", or "Past every
    /// launch step".
    pub stands: String,
    /// The gate that holds it at its step: the first blocked, else the first to confirm.
    pub held_by: Option<&'a Question>,
    /// A gate of its step is blocked.
    pub blocked: bool,
    /// The phase whose indicators it scored highest, if one leads.
    pub leading_phase: Option<Phase>,
    /// The findings that stand: Storming leading, pitfalls happening, table concerns.
    pub findings: Vec<String>,
    /// The help it asks for, in the bank's order.
    pub help: Vec<&'a HelpArea>,
    /// Its own words about the help it wants.
    pub help_text: &'a str,
    /// The date of its current result ("" when the result names none).
    pub date: &'a str,
    /// The bank its current result was answered with.
    pub bank_version: &'a str,
    /// The current result was answered with another bank than the current one.
    pub other_bank: bool,
    /// How many results it has, the current one included.
    pub results: usize,
    /// One cell per launch step, in order.
    pub cells: Vec<StepCell>,
}

impl PartnershipRow<'_> {
    /// The leading phase in words.
    pub fn phase_words(&self) -> &'static str {
        Phase::leading_words(self.leading_phase)
    }

    /// The gate that holds it, as the row says it: "Held by: " and the gate.
    pub fn held_words(&self) -> Option<String> {
        self.held_by
            .map(|gate| format!("Held by: {}", gate.label()))
    }

    /// The findings that stand, in one line, as the row and the CSV give them.
    pub fn findings_words(&self) -> String {
        self.findings.join("; ")
    }

    /// The help it asks for, in one line, as the row and the CSV give it.
    pub fn help_words(&self) -> String {
        self.help
            .iter()
            .map(|area| area.label())
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// The date of its latest result, or "No date".
    pub fn latest_words(&self) -> &str {
        if self.date.is_empty() {
            "No date"
        } else {
            self.date
        }
    }

    /// "3 results" when it has a history; nothing for a single result.
    pub fn history_words(&self) -> Option<String> {
        (self.results > 1).then(|| format!("{} results", self.results))
    }

    /// The bank line: "bank 2026.3", or "answered with bank 2026.1, read with 2026.3".
    pub fn bank_words(&self, bank: &Bank) -> String {
        if self.other_bank {
            format!(
                "answered with bank {}, read with {}",
                self.bank_version,
                bank.version()
            )
        } else {
            format!("bank {}", bank.version())
        }
    }
}

/// How many partnerships ask for help in one area, and which.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpAsked<'a> {
    /// The help area.
    pub area: &'a HelpArea,
    /// The keys and names of the partnerships that ask for it, by name.
    pub by: Vec<(u32, String)>,
}

/// The counts a portfolio opens with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortfolioCounts {
    /// Partnerships in the portfolio.
    pub partnerships: usize,
    /// Results, history included.
    pub results: usize,
    /// How many are at each launch step, in step order (every step, zeros included).
    pub at_step: Vec<(u8, usize)>,
    /// How many are past every launch step (or every one their coach asked about).
    pub past_every: usize,
    /// How many a gate blocks at their step.
    pub blocked: usize,
}

/// One count as the glance shows it: the figure, set in bold, and the words after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountLine {
    /// The figure.
    pub figure: usize,
    /// The words after it, agreeing with it: "partnership (1 result)", "at step 2".
    pub words: String,
}

/// "1 result", "0 results": a count's noun, singular only for one.
fn plural(figure: usize, one: &str, many: &str) -> String {
    format!("{figure} {}", if figure == 1 { one } else { many })
}

impl PortfolioCounts {
    /// The counts in the order the glance shows them: partnerships (and results), how many at
    /// each launch step, past every step, blocked.
    pub fn lines(&self) -> Vec<CountLine> {
        let noun = if self.partnerships == 1 {
            "partnership"
        } else {
            "partnerships"
        };
        let mut lines = vec![CountLine {
            figure: self.partnerships,
            words: format!("{noun} ({})", plural(self.results, "result", "results")),
        }];
        lines.extend(self.at_step.iter().map(|&(step, figure)| CountLine {
            figure,
            words: format!("at step {step}"),
        }));
        lines.push(CountLine {
            figure: self.past_every,
            words: "past every step".to_string(),
        });
        lines.push(CountLine {
            figure: self.blocked,
            words: "blocked by a gate".to_string(),
        });
        lines
    }
}

impl HelpAsked<'_> {
    /// How many ask for help in this area: "3 ask for help with Facilitation", "1 asks ...".
    pub fn count_line(&self) -> CountLine {
        let verb = if self.by.len() == 1 { "asks" } else { "ask" };
        CountLine {
            figure: self.by.len(),
            words: format!("{verb} for help with {}", self.area.label()),
        }
    }
}

/// The portfolio at a glance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortfolioView<'a> {
    /// The bank every result is read with.
    pub bank: &'a Bank,
    /// The launch steps, the heat map's columns.
    pub steps: Vec<&'a Section>,
    /// The counts, over every partnership.
    pub counts: PortfolioCounts,
    /// Who asks for what, over every partnership: each help area someone asks for, in the
    /// bank's order.
    pub asks: Vec<HelpAsked<'a>>,
    /// The rows the filter keeps, in the order asked for.
    pub rows: Vec<PartnershipRow<'a>>,
}

impl PortfolioView<'_> {
    /// "Showing 5 of 30 partnerships", or "30 partnerships" when every row shows.
    pub fn showing(&self) -> String {
        let total = self.counts.partnerships;
        let noun = if total == 1 {
            "partnership"
        } else {
            "partnerships"
        };
        if self.rows.len() == total {
            format!("{total} {noun}")
        } else {
            format!("Showing {} of {total} {noun}", self.rows.len())
        }
    }
}

/// The line a printed portfolio carries under its title, so the paper says when it was
/// printed: "Printed on 2026-12-05".
pub fn printed_on(today: &str) -> String {
    format!("Printed on {today}")
}

/// Reads one partnership from its current result; `None` for a row without results.
fn row_of<'a>(bank: &'a Bank, partnership: &'a Partnership) -> Option<PartnershipRow<'a>> {
    let current = partnership.current()?;
    let assessment = &current.assessment;
    let report = report(bank, assessment);
    let (step, stands, held_by, blocked) = match &report.where_you_are {
        WhereYouAre::AtStep {
            step,
            section,
            band,
            readiness_pct,
            blocked_by,
            unconfirmed,
        } => {
            let figure = readiness_pct.map_or_else(String::new, |pct| format!(" ({pct}%)"));
            (
                Some(*step),
                format!("Step {step}, {}: {}{figure}", section.title(), band.label()),
                blocked_by.first().or(unconfirmed.first()).copied(),
                !blocked_by.is_empty(),
            )
        }
        WhereYouAre::Sustaining | WhereYouAre::ScopeDone { .. } => {
            (None, "Past every launch step".to_string(), None, false)
        }
    };
    let cells = report
        .launch_steps()
        .map(|score| StepCell {
            readiness: shown_readiness(score),
            blocked: score.is_blocked(),
            to_confirm: score.gate_state() == GateState::ToConfirm,
        })
        .collect();
    let findings = report
        .findings
        .iter()
        .map(|finding| match finding.kind {
            FindingKind::StormingLeads => "Storming leads".to_string(),
            _ => finding.label.clone(),
        })
        .collect();
    let meta = &assessment.meta;
    Some(PartnershipRow {
        key: partnership.key,
        label: partnership.label(),
        region: meta.region.trim(),
        sector: meta.sector.trim(),
        step,
        stands,
        held_by,
        blocked,
        leading_phase: report.phases.leading,
        findings,
        help: report.ta_request.areas.clone(),
        help_text: report.ta_request.text,
        date: meta.date.trim(),
        bank_version: &meta.bank_version,
        other_bank: !meta.bank_version.is_empty() && meta.bank_version != bank.version(),
        results: partnership.results.len(),
        cells,
    })
}

/// The portfolio at a glance: counts and who asks for what over every partnership, and the
/// rows `filter` keeps, ordered by `sort`.
pub fn portfolio_view<'a>(
    bank: &'a Bank,
    portfolio: &'a Portfolio,
    filter: &PortfolioFilter,
    sort: PortfolioSort,
) -> PortfolioView<'a> {
    let mut all: Vec<PartnershipRow<'a>> = portfolio
        .partnerships()
        .iter()
        .filter_map(|partnership| row_of(bank, partnership))
        .collect();
    all.sort_by(by_name);
    let steps: Vec<&Section> = bank.launch_steps().collect();
    let counts = PortfolioCounts {
        partnerships: all.len(),
        results: portfolio.result_count(),
        at_step: steps
            .iter()
            .filter_map(|section| section.step())
            .map(|step| {
                (
                    step,
                    all.iter().filter(|row| row.step == Some(step)).count(),
                )
            })
            .collect(),
        past_every: all.iter().filter(|row| row.step.is_none()).count(),
        blocked: all.iter().filter(|row| row.blocked).count(),
    };
    let asks = bank
        .help_areas()
        .iter()
        .map(|area| HelpAsked {
            area,
            by: all
                .iter()
                .filter(|row| row.help.iter().any(|asked| asked.id() == area.id()))
                .map(|row| (row.key, row.label.clone()))
                .collect(),
        })
        .filter(|asked| !asked.by.is_empty())
        .collect();
    let mut rows: Vec<PartnershipRow<'a>> =
        all.into_iter().filter(|row| filter.keeps(row)).collect();
    sort_rows(bank, &mut rows, sort);
    PortfolioView {
        bank,
        steps,
        counts,
        asks,
        rows,
    }
}

/// The order every list of partnerships starts from, and ties of every sort keep: by name, in
/// [`name_order`]; the same name, the newest result first. It never depends on the
/// order the rows were added in or the device gave them back in, so the portfolio reads the
/// same after a reload.
fn by_name(a: &PartnershipRow, b: &PartnershipRow) -> Ordering {
    name_order(&a.label, &b.label)
        .then_with(|| b.date.cmp(a.date))
        .then_with(|| a.label.cmp(&b.label))
}

/// Orders rows; ties keep the order of [`by_name`] (the sort is stable).
fn sort_rows(bank: &Bank, rows: &mut [PartnershipRow], sort: PortfolioSort) {
    match sort {
        PortfolioSort::Step => {
            rows.sort_by_key(|row| (row.step.unwrap_or(u8::MAX), !row.blocked));
        }
        PortfolioSort::Date => rows.sort_by(|a, b| b.date.cmp(a.date)),
        PortfolioSort::Region => rows.sort_by(|a, b| {
            (a.region.is_empty().cmp(&b.region.is_empty()))
                .then_with(|| name_order(a.region, b.region))
                .then_with(|| name_order(a.sector, b.sector))
        }),
        PortfolioSort::HelpArea => rows.sort_by_key(|row| {
            row.help
                .first()
                .and_then(|first| bank.help_areas().iter().position(|a| a.id() == first.id()))
                .unwrap_or(usize::MAX)
        }),
    }
}
