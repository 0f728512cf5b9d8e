//! What one report becomes outside the app, made once with the report: the name it goes by,
//! the stem of its files' names, its Markdown summary and its share link. The report screen
//! reads these instead of building the report again for each of them.

use crate::share_link::encode_share_link;
use readiness_domain::bank::Bank;
use readiness_domain::report::Report;
use readiness_formats::export::file_stem;

/// A report's outputs, owned, for the report screen's actions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportOutputs {
    /// The name the assessment goes by.
    pub name: String,
    /// The start of its files' names, safe on every system.
    pub file_stem: String,
    /// The Markdown summary.
    pub summary: String,
    /// The share link's fragment (`s=...`, without the `#`).
    pub share_fragment: String,
}

/// The outputs of `report`, whose footer names this app version.
pub fn report_outputs(bank: &Bank, report: &Report, app_version: &str) -> ReportOutputs {
    let name = report.assessment.meta.display_name();
    ReportOutputs {
        file_stem: file_stem(&name),
        name,
        summary: report.to_markdown_with_app_version(app_version),
        share_fragment: encode_share_link(bank, report.assessment),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share_link::decode_share_link;
    use readiness_domain::assessment::Assessment;
    use readiness_domain::report::report;

    #[test]
    fn the_outputs_name_the_assessment_and_carry_it_whole() {
        let bank = Bank::builtin();
        let mut assessment = Assessment::new(bank);
        assessment.meta.region = "North Valley / East".to_string();
        let outputs = report_outputs(bank, &report(bank, &assessment), "9.9.9");
        assert_eq!(outputs.name, "North Valley / East");
        assert!(!outputs.file_stem.contains('/'), "{}", outputs.file_stem);
        assert!(outputs.summary.contains("9.9.9"));
        let opened = decode_share_link(bank, &outputs.share_fragment).expect("a share link");
        assert_eq!(opened.assessment.meta.region, "North Valley / East");
    }
}
