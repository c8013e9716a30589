package io.watchmen.gcp;
