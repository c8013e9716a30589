package io.watchmen.cli;
