/** Tables of rows written as CSV, XLSX or PDF within the export limits, and how money, times and durations read on screen and in files. */
package dev.opsdeck.tables;
