//! Records another tab saved (a `storage` event), merged into this tab's:
//! the newer draft, answer or interview wins, progress and the practice log
//! are merged, and a removal elsewhere deletes nothing here.

use super::State;
use pyprep_core::storage::{Record, RecordKind};

impl State {
    /// Another tab wrote (or removed) one of our records: take it if it is newer.
    pub(super) fn on_external(&mut self, key: &str, text: Option<&str>) {
        let Some((kind, id)) = RecordKind::parse_key(key) else {
            return;
        };
        let Some(text) = text else { return }; // removals elsewhere do not delete work here
        let Ok(record) = pyprep_core::storage::parse_record(kind, text) else {
            return;
        };
        match record {
            Record::Draft(d) => {
                let newer = self.saved.drafts.get(id).is_none_or(|mine| d.at >= mine.at);
                if newer {
                    self.saved_mut().drafts.insert(id.to_owned(), d);
                }
            }
            Record::Progress(p) => {
                let merged = self
                    .saved
                    .progress
                    .get(id)
                    .map_or(p.clone(), |mine| mine.merge(&p));
                self.saved_mut().progress.insert(id.to_owned(), merged);
            }
            Record::Answer(a) => {
                let newer = self
                    .saved
                    .answers
                    .get(id)
                    .is_none_or(|mine| a.at >= mine.at);
                if newer {
                    self.saved_mut().answers.insert(id.to_owned(), a);
                }
            }
            Record::Interview(i) => {
                let newer = self
                    .saved
                    .interviews
                    .get(id)
                    .is_none_or(|mine| i.at >= mine.at);
                if newer {
                    self.saved_mut().interviews.insert(id.to_owned(), *i);
                }
            }
            Record::Activity(log) => {
                let merged = self.saved.activity.merge(&log);
                self.saved_mut().activity = merged;
            }
        }
    }
}
