//! Records another tab saved (a `storage` event), merged into this tab's:
//! the newer draft, answer or interview wins, progress and the practice log
//! are merged, and a removal elsewhere deletes nothing here.

use super::State;
use pyprep_core::storage::RecordKind;

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
        // The same rule as an import (`Record::merged_over`).
        if let Some(merged) = record.merged_over(self.saved.record(kind, id).as_ref()) {
            self.saved_mut().insert(id, merged);
        }
    }
}
