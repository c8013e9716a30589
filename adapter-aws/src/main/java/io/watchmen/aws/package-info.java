package io.watchmen.aws;
