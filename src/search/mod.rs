//! The typeahead engine: plain records in, ranked matches with highlights out.
