//! Command line entry point of Gazette Browser.

fn main() {
    println!("gazette-browser");
}
