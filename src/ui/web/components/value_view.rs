//! A value the judge read, with its type: linked lists and trees drawn as
//! such (`draw`), everything else as Python's `repr()` would print it.

use pyprep_core::draw::draw;
use pyprep_core::value::Value;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ValueViewProps {
    pub value: Value,
}

#[component]
pub fn ValueView(props: &ValueViewProps) -> Html {
    let v = &props.value;
    html! {
        <dl class="value-view">
            <dt>{ "Value" }</dt>
            <dd><pre class="value">{ draw(v).unwrap_or_else(|| v.repr()) }</pre></dd>
            <dt>{ "Type" }</dt>
            <dd><code class="type">{ v.type_name() }</code></dd>
        </dl>
    }
}
