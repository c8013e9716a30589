package io.watchmen.azure;
