// The one source of the targets that build the precompiled headers the tests of a folder share
// (tests/CMakeLists.txt): the headers are precompiled for a target, and a target needs a source.
