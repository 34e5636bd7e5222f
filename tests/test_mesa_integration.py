"""LabourMarketModel works with Mesa's own tools as Mesa users expect (SolaraViz, DataCollector)."""

from __future__ import annotations

import solara
from mesa.visualization.solara_viz import (
    _build_model_init_kwargs,
    _check_model_params,
)

from sim.model import LabourMarketModel

PARAMS = {
    "scale": 0.01,
    "months": 6,
    "rng": 3,
    "policies__wage_subsidy__enabled": {"type": "Checkbox", "value": True, "label": "Wage subsidy"},
}


def test_solaraviz_reset_rebuilds_the_model_with_its_parameters():
    model = LabourMarketModel(scale=0.01, months=6, rng=3)
    _check_model_params(type(model).__init__, {k: v for k, v in PARAMS.items()})
    # what SolaraViz's Reset does: split parameters, add Mesa's Scenario, rebuild
    values = {"scale": 0.01, "months": 6, "rng": 3, "policies__wage_subsidy__enabled": True}
    kwargs = _build_model_init_kwargs(
        model, values, add_scenario_when_empty=True, require_model_accepts_scenario=False
    )
    rebuilt = type(model)(**kwargs)
    assert rebuilt.seed == 3 and rebuilt.p["policies.wage_subsidy.enabled"] is True
    rebuilt.step()
    assert rebuilt.month == 1
    assert rebuilt.datacollector.get_model_vars_dataframe().shape[0] == 2


def test_solaraviz_controller_steps_and_resets_the_model():
    """Mesa's own ModelController (the SolaraViz sidebar): Step advances a month, Reset
    rebuilds the model from the parameters."""
    import ipyvuetify as v
    from mesa.visualization.solara_viz import ModelController

    model = solara.reactive(LabourMarketModel(scale=0.01, months=6, rng=3))
    params = {"scale": 0.01, "months": 6, "rng": 3, "policies__wage_subsidy__enabled": True}

    @solara.component
    def Harness():
        ModelController(
            model,
            model_parameters=params,
            play_interval=solara.use_reactive(100),
            render_interval=solara.use_reactive(1),
            use_threads=solara.use_reactive(False),
        )

    _, rc = solara.render(Harness(), handle_error=False)
    rc.find(v.Btn, children=["Step"]).widget.click()
    assert model.value.month == 1
    assert model.value.p["policies.wage_subsidy.enabled"] is False
    rc.find(v.Btn, children=["Reset"]).widget.click()
    assert model.value.month == 0
    assert model.value.p["policies.wage_subsidy.enabled"] is True
