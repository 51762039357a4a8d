/// A half-open range of UTF-8 byte offsets into a file. The canonical position unit everywhere in
/// postlint: conversion to lines and columns happens only at the edges, through `LineIndex`.
public typealias ByteRange = Range<Int>
