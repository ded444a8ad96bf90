//! Starting the window, without the window: decisions eframe leaves to the program, as plain
//! functions the window applies — the window's fit on the screen ([`window_fit`]), which renderer
//! to try, in which order, and what to tell the clerk when none starts. No egui here; `ui::run` only opens the window with the
//! renderer it is given, and `main` calls [`start_with_fallback`] around it.
//!
//! eframe has no fallback of its own between its renderers: if the first cannot create its
//! graphics context (an office PC without a GPU driver, a virtual machine, a remote desktop
//! offering no OpenGL 2), `run_native` returns an error before the window exists, and the next
//! renderer in the order is tried. An error once the window was up is not a start failure and is
//! never retried (that would open a second window after the clerk worked in the first).

pub mod strings;
pub mod window_fit;

use std::fmt;

/// The environment variable that chooses the renderer when `--renderer` is not given.
pub const RENDERER_ENV: &str = "GAZETTE_BROWSER_RENDERER";

/// A way to draw the window; each is one of eframe's renderers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Renderer {
    /// OpenGL 2+ (or GLES 2) through glow: small, quick to build and to start, but it needs a
    /// driver that offers OpenGL 2, which Windows without a GPU driver does not.
    Glow,
    /// wgpu: Direct3D 12 (with the WARP software adapter when there is no GPU driver), Vulkan
    /// or OpenGL, chosen by wgpu itself. Only in builds with the `wgpu` feature.
    Wgpu,
}

impl Renderer {
    /// Every renderer, by the name the override uses.
    pub const ALL: [Renderer; 2] = [Renderer::Glow, Renderer::Wgpu];

    /// The name `--renderer` and `GAZETTE_BROWSER_RENDERER` take.
    pub fn name(self) -> &'static str {
        match self {
            Renderer::Glow => "glow",
            Renderer::Wgpu => "wgpu",
        }
    }

    /// The renderer with this name (any case, surrounding spaces ignored).
    pub fn from_name(name: &str) -> Option<Renderer> {
        let name = name.trim();
        Renderer::ALL
            .into_iter()
            .find(|renderer| renderer.name().eq_ignore_ascii_case(name))
    }
}

impl fmt::Display for Renderer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The renderers this build contains, in the order tried when nothing is asked for.
///
/// The order is the decision recorded in README.md ("Which renderer, and why"): glow first,
/// because it starts sooner, uses less memory and keeps the exe and the build small; wgpu, where
/// built in, second, because on Windows its Direct3D 12 backend still draws on a PC whose only
/// adapter is Microsoft's software one (WARP), where glow finds no OpenGL 2.
pub fn built_in() -> Vec<Renderer> {
    let mut renderers = vec![Renderer::Glow];
    if cfg!(feature = "wgpu") {
        renderers.push(Renderer::Wgpu);
    }
    renderers
}

/// A renderer was asked for that this build cannot use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRenderer {
    /// What was asked for, as given.
    pub asked: String,
    /// Where it was asked: `--renderer` or the environment variable.
    pub source: &'static str,
    /// The renderers this build has.
    pub available: Vec<Renderer>,
}

impl fmt::Display for UnknownRenderer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.available.iter().map(|r| r.name()).collect();
        write!(
            f,
            "{} asks for the renderer \"{}\", which this build does not have; use one of: {}",
            self.source,
            self.asked,
            names.join(", ")
        )
    }
}

/// The order in which to try the renderers: the one asked for (by `--renderer`, else by
/// [`RENDERER_ENV`]) first, then the others this build has as fallbacks, else [`built_in`]'s
/// order. `auto` or an empty value asks for nothing.
pub fn renderer_order(
    option: Option<&str>,
    env: Option<&str>,
    available: &[Renderer],
) -> Result<Vec<Renderer>, UnknownRenderer> {
    let asked = [(option, "--renderer"), (env, RENDERER_ENV)]
        .into_iter()
        .find_map(|(value, source)| {
            let value = value?.trim();
            (!value.is_empty() && !value.eq_ignore_ascii_case("auto")).then_some((value, source))
        });
    let Some((asked, source)) = asked else {
        return Ok(available.to_vec());
    };
    let first = Renderer::from_name(asked)
        .filter(|renderer| available.contains(renderer))
        .ok_or_else(|| UnknownRenderer {
            asked: asked.to_owned(),
            source,
            available: available.to_vec(),
        })?;
    let mut order = vec![first];
    order.extend(available.iter().copied().filter(|r| *r != first));
    Ok(order)
}

/// How one attempt to open the window ended badly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RunError {
    /// The renderer could not start: no window was shown, the next renderer may be tried.
    NotStarted(String),
    /// The window was up and then failed: not retried.
    AfterStart(String),
}

/// One renderer that could not start, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailedStart {
    /// The renderer tried.
    pub renderer: Renderer,
    /// eframe's error, as it said it.
    pub error: String,
}

/// Why the window did not run to its end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartError {
    /// No renderer in the order could start; every attempt, in order.
    NoneStarted(Vec<FailedStart>),
    /// The window started with `renderer`, then failed with `error`.
    FailedAfterStart {
        /// The renderer the window ran with.
        renderer: Renderer,
        /// What went wrong.
        error: String,
    },
}

/// Tries `open` with each renderer of `order` until one starts; returns the renderer the window
/// ran with. `open` reports whether it failed before or after its window was up.
pub fn start_with_fallback(
    order: &[Renderer],
    mut open: impl FnMut(Renderer) -> Result<(), RunError>,
) -> Result<Renderer, StartError> {
    let mut failed = Vec::new();
    for &renderer in order {
        match open(renderer) {
            Ok(()) => return Ok(renderer),
            Err(RunError::AfterStart(error)) => {
                return Err(StartError::FailedAfterStart { renderer, error });
            }
            Err(RunError::NotStarted(error)) => failed.push(FailedStart { renderer, error }),
        }
    }
    Err(StartError::NoneStarted(failed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Renderer::{Glow, Wgpu};

    const BOTH: [Renderer; 2] = [Glow, Wgpu];

    #[test]
    fn nothing_asked_keeps_the_builds_order() {
        assert_eq!(renderer_order(None, None, &BOTH), Ok(vec![Glow, Wgpu]));
        assert_eq!(
            renderer_order(Some("auto"), Some(" "), &BOTH),
            Ok(vec![Glow, Wgpu])
        );
    }

    #[test]
    fn the_asked_renderer_comes_first_and_the_others_stay_as_fallbacks() {
        assert_eq!(
            renderer_order(Some("wgpu"), None, &BOTH),
            Ok(vec![Wgpu, Glow])
        );
        assert_eq!(
            renderer_order(None, Some(" WGPU "), &BOTH),
            Ok(vec![Wgpu, Glow])
        );
    }

    #[test]
    fn the_option_wins_over_the_environment() {
        assert_eq!(
            renderer_order(Some("glow"), Some("wgpu"), &BOTH),
            Ok(vec![Glow, Wgpu])
        );
    }

    #[test]
    fn a_renderer_the_build_lacks_is_refused_naming_the_ones_it_has() {
        let err = renderer_order(None, Some("wgpu"), &[Glow]).unwrap_err();
        assert_eq!(err.source, RENDERER_ENV);
        let message = err.to_string();
        assert!(message.contains("\"wgpu\""), "{message}");
        assert!(message.contains("use one of: glow"), "{message}");
        assert!(renderer_order(Some("vulkan"), None, &BOTH).is_err());
    }

    #[test]
    fn when_the_first_renderer_cannot_start_the_next_one_opens_the_window() {
        let mut tried = Vec::new();
        let result = start_with_fallback(&[Glow, Wgpu], |renderer| {
            tried.push(renderer);
            match renderer {
                Glow => Err(RunError::NotStarted("no OpenGL 2".into())),
                Wgpu => Ok(()),
            }
        });
        assert_eq!(result, Ok(Wgpu));
        assert_eq!(tried, [Glow, Wgpu]);
    }

    #[test]
    fn when_none_can_start_every_attempt_is_reported_in_order() {
        let result = start_with_fallback(&[Wgpu, Glow], |renderer| {
            Err(RunError::NotStarted(format!("{renderer} failed")))
        });
        let Err(StartError::NoneStarted(failed)) = result else {
            panic!("expected NoneStarted, got {result:?}");
        };
        let renderers: Vec<Renderer> = failed.iter().map(|f| f.renderer).collect();
        assert_eq!(renderers, [Wgpu, Glow]);
        assert_eq!(failed[1].error, "glow failed");
    }

    #[test]
    fn a_failure_after_the_window_was_up_is_not_retried() {
        let mut tried = 0;
        let result = start_with_fallback(&[Glow, Wgpu], |_| {
            tried += 1;
            Err(RunError::AfterStart("lost the device".into()))
        });
        assert_eq!(tried, 1, "no second window");
        assert!(matches!(
            result,
            Err(StartError::FailedAfterStart { renderer: Glow, .. })
        ));
    }
}
