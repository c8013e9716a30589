package io.watchmen.aliyun;
